import { BASELINES, type EvalSummary, type ModelFigures } from './runEvaluation.js';

/**
 * A human-readable table of an evaluation (printed before the JSON line).
 * @param summary the evaluation's result
 */
export function formatReport(summary: EvalSummary): string {
  const row = (name: string, f: ModelFigures): string =>
    `${name.padEnd(8)} ${f.hr20.toFixed(2).padStart(6)} ${f.mrr20.toFixed(2).padStart(6)}   ${f.newHr20.toFixed(2).padStart(6)} ${f.newMrr20.toFixed(2).padStart(6)}   ${f.hideSeenNewHr20.toFixed(2).padStart(6)} ${f.hideSeenNewMrr20.toFixed(2).padStart(6)}`;
  return [
    `${summary.cases} cases (${summary.newCases} new-target), K=${summary.k}, ${summary.seconds} s`,
    `model     HR@20 MRR@20   new:HR    MRR   hide-seen new:HR MRR`,
    row('curio', summary),
    ...BASELINES.map((name) => row(name, summary.baselines[name]!)),
    `coverage ${summary.coverage}% of the catalog, ${summary.msPerCase} ms per ranking, neighbours ${summary.bytesPerItemPerList} B/item/list gzip`,
    `best baseline: HR ${summary.bestBaseline.hr20}, MRR ${summary.bestBaseline.mrr20}; Curio beats both: ${summary.beatsBaselines ? 'yes' : 'NO'}`,
  ].join('\n');
}
