/** The taste quiz: a few skippable questions whose answers become explicit preferences. */
import { h } from 'preact';
import type { Preference, Product } from '@curio/core';
import { stringsFor, type QuizKey } from '../i18n.js';
import { Live, warn, type CurioProps } from '../util.js';
import type { QuizConfig } from './options.js';
import { quizSample, quizSteps, type QuizStep } from './steps.js';

/** Quiz texts a shop can replace (in the page's language): the title, each question, the buttons and the closing line. */
export type QuizLabels = Partial<Record<QuizKey, string>>;

/** Props of {@link Quiz}. */
export interface QuizProps extends CurioProps {
  /** Products to build the questions from; default: the catalog's (`curio.products()`). */
  products?: readonly Product[];
  /** Which questions, in which order, from which attributes. */
  config?: QuizConfig;
  /** The shop's own wording. */
  labels?: QuizLabels;
}

interface QuizState {
  /** Index of the current step (`steps.length`: finished); unset: where the visitor left off. */
  step?: number;
  /** Keys of the answers chosen in the current step, when changed from the saved ones. */
  draft?: Set<string>;
}

/** The quiz's English strings (French and German: texts-fr.ts, texts-de.ts). */
const EN: Record<QuizKey, string> = {
  quiz: 'Tell us your taste',
  qCategory: 'What are you shopping for?',
  qStyle: 'Your style',
  qBrand: 'Favourite brands (up to 5)',
  qBudget: 'Your budget',
  qSize: 'Your size',
  next: 'Next',
  skip: 'Skip',
  back: 'Back',
  done: 'Thanks! Your picks follow your answers.',
  edit: 'Edit answers',
};

/** Identifies an answer by the preference it saves. */
const key = ({ kind, value }: Preference): string => `${kind}:${value}`;

/**
 * One question at a time as a group of checkboxes; focus follows the step for keyboard and
 * screen-reader users. Answers start from the visitor's saved preferences, so the quiz doubles
 * as the editor of its own answers; "Next" saves only what changed (`like: true`, or `remove`
 * when unticked). A returning visitor resumes after the last question they answered, and once
 * every question is behind them sees the answers they gave.
 */
export class Quiz extends Live<QuizProps, Set<string>, QuizState> {
  /** The questions, built once the catalog is loaded. */
  steps?: QuizStep[];
  /** The questions being built (once, however often the data refreshes meanwhile). */
  building?: Promise<QuizStep[]>;

  async load() {
    const { curio, products, config } = this.props;
    // Once, in tasks of their own after the page's picks (their work follows the catalog's arrival).
    this.steps = await (this.building ||= new Promise((resolve) => setTimeout(resolve)).then(async () => quizSteps(await quizSample(products || curio.products()), curio.locale, config)));
    return new Set((await curio.preferences()).filter((preference) => preference.like).map(key));
  }

  /** Moves to step `index` without saving (skip, back, edit answers); focus follows. */
  go(index: number) {
    this.setState({ step: index, draft: undefined }, () => this.focus('fieldset,[role=status]'));
  }

  render({ curio, labels }: QuizProps, { data: saved, step: chosenStep, draft }: QuizState & { data?: Set<string> }) {
    const steps = this.steps;
    if (!saved || !steps!.length) return null;
    const strings = { ...stringsFor(curio.locale, EN), ...labels };
    const answersOf = (step: QuizStep) => step.options.filter(([, preference]) => saved.has(key(preference))).map(([label]) => label);
    // Until the visitor moves, resume after the last question answered (on an earlier visit too).
    const current = chosenStep ?? steps!.reduce((resumeAt, step, index) => (answersOf(step).length ? index + 1 : resumeAt), 0);
    const step = steps![current];
    const selected = draft || new Set(step?.options.map(([, preference]) => key(preference)).filter((answer) => saved.has(answer)));
    return (
      <section ref={(element) => void (this.root = element)} part="quiz" aria-labelledby="q">
        <h2 id="q">{strings.quiz}</h2>
        {step ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              for (const [, preference] of step.options) {
                const wanted = selected.has(key(preference));
                if (wanted != saved.has(key(preference))) curio.setPreference({ ...preference, remove: !wanted }).catch(warn);
              }
              this.go(current + 1);
            }}
          >
            <fieldset tabIndex={-1}>
              <legend>
                {strings[step.question]} <span class="muted">({current + 1}/{steps!.length})</span>
              </legend>
              <div class="row">
                {step.options.map(([label, preference]) => {
                  const answer = key(preference);
                  const checked = selected.has(answer);
                  return (
                    <label key={label} part="option">
                      <input
                        type="checkbox"
                        checked={checked}
                        disabled={!checked && selected.size >= (step.max || 99)}
                        onChange={() =>
                          this.setState(({ draft }) => {
                            const next = new Set(draft || selected);
                            if (!next.delete(answer)) next.add(answer);
                            return { draft: next };
                          })
                        }
                      />
                      {label}
                    </label>
                  );
                })}
              </div>
            </fieldset>
            <div class="row">
              {current > 0 && (
                <button type="button" onClick={() => this.go(current - 1)}>
                  {strings.back}
                </button>
              )}
              <button type="button" onClick={() => this.go(current + 1)}>
                {strings.skip}
              </button>
              <button class="primary" type="submit">
                {strings.next}
              </button>
            </div>
          </form>
        ) : (
          <div>
            <p tabIndex={-1} role="status">
              {strings.done}
            </p>
            <ul part="answers">
              {steps!.map((answered) => {
                const answers = answersOf(answered);
                return answers.length > 0 && <li key={answered.question}>{`${strings[answered.question]}${strings.colon}${answers.join(', ')}`}</li>;
              })}
            </ul>
            <div class="row">
              <button onClick={() => this.go(0)}>{strings.edit}</button>
            </div>
          </div>
        )}
      </section>
    );
  }
}
