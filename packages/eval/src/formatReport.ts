import { BASELINES, type EvalSummary, type ModelFigures } from './runEvaluation.js';

/**
 * A human-readable table of an evaluation (printed before the JSON line).
 * @param summary the evaluation's result
 */
export function formatReport(summary: EvalSummary): string {
  const row = (name: string, f: ModelFigures): string =>
    `${name.padEnd(8)} ${f.hr20.toFixed(2).padStart(6)} ${f.mrr20.toFixed(2).padStart(6)}   ${f.newHr20.toFixed(2).padStart(6)} ${f.newMrr20.toFixed(2).padStart(6)}   ${f.hideSeenNewHr20.toFixed(2).padStart(6)} ${f.hideSeenNewMrr20.toFixed(2).padStart(6)}`;
  return [
    `${summary.cases} cases on placement ${summary.placement} (${summary.newCases} new-target), K=${summary.k}, ${summary.seconds} s`,
    `model     HR@20 MRR@20   new:HR    MRR   hide-seen new:HR MRR`,
    row('curio', summary),
    ...BASELINES.map((name) => row(name, summary.baselines[name]!)),
    `coverage ${summary.coverage}% of the catalog, ${summary.msPerCase} ms per ranking, neighbours ${summary.bytesPerItemPerList} B/item/list gzip`,
    `best baseline: HR ${summary.bestBaseline.hr20}, MRR ${summary.bestBaseline.mrr20}; Curio beats both: ${summary.beatsBaselines ? 'yes' : 'NO'}`,
    ...scenarioTable(summary),
  ].join('\n');
}

/** Clean, with-history and with-detour HR@20 / MRR@20 side by side (when more than the clean scenario ran). */
function scenarioTable(summary: EvalSummary): string[] {
  const names = Object.keys(summary.scenarios) as Array<keyof EvalSummary['scenarios']>;
  if (names.length < 2) return [];
  const cell = (f: ModelFigures): string => `${f.hr20.toFixed(2).padStart(6)} / ${f.mrr20.toFixed(2).padStart(5)}`;
  const models = ['curio', ...BASELINES];
  return [
    `placement ${summary.placement}; ${summary.casesWithVisit ?? 0} of ${summary.cases} cases had an unrelated visit before them`,
    `model    ${names.map((n) => n.padStart(16)).join('')}`,
    ...models.map((m) => `${m.padEnd(8)} ${names.map((n) => cell(m === 'curio' ? summary.scenarios[n]!.curio : summary.scenarios[n]!.baselines[m]!).padStart(16)).join('')}`),
    `curio kept ${names.map((n) => `${n} ${summary.scenarios[n]!.kept.hr20}% / ${summary.scenarios[n]!.kept.mrr20}%`).join(', ')}`,
  ];
}
