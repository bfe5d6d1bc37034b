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
    return new Set((await curio.preferences()).filter((p) => p.like).map(key));
  }

  /** Moves to step `i` without saving (skip, back, edit answers); focus follows. */
  go(i: number) {
    this.setState({ step: i, draft: undefined }, () => this.focus('fieldset,[role=status]'));
  }

  render({ curio, labels }: QuizProps, { v: saved, step: chosenStep, draft }: QuizState & { v?: Set<string> }) {
    const steps = this.steps;
    if (!saved || !steps!.length) return null;
    const t = { ...stringsFor(curio.locale, EN), ...labels };
    const answersOf = (step: QuizStep) => step.options.filter(([, preference]) => saved.has(key(preference))).map(([label]) => label);
    // Until the visitor moves, resume after the last question answered (on an earlier visit too).
    const i = chosenStep ?? steps!.reduce((resumeAt, step, index) => (answersOf(step).length ? index + 1 : resumeAt), 0);
    const step = steps![i];
    const selected = draft || new Set(step?.options.map(([, preference]) => key(preference)).filter((k) => saved.has(k)));
    return (
      <section ref={(e) => void (this.b = e)} part="quiz" aria-labelledby="q">
        <h2 id="q">{t.quiz}</h2>
        {step ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              for (const [, preference] of step.options) {
                const wanted = selected.has(key(preference));
                if (wanted != saved.has(key(preference))) curio.setPreference({ ...preference, remove: !wanted }).catch(warn);
              }
              this.go(i + 1);
            }}
          >
            <fieldset tabIndex={-1}>
              <legend>
                {t[step.question]} <span class="muted">({i + 1}/{steps!.length})</span>
              </legend>
              <div class="row">
                {step.options.map(([label, preference]) => {
                  const k = key(preference);
                  const checked = selected.has(k);
                  return (
                    <label key={label} part="option">
                      <input
                        type="checkbox"
                        checked={checked}
                        disabled={!checked && selected.size >= (step.max || 99)}
                        onChange={() =>
                          this.setState(({ draft }) => {
                            const next = new Set(draft || selected);
                            if (!next.delete(k)) next.add(k);
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
              {i > 0 && (
                <button type="button" onClick={() => this.go(i - 1)}>
                  {t.back}
                </button>
              )}
              <button type="button" onClick={() => this.go(i + 1)}>
                {t.skip}
              </button>
              <button class="primary" type="submit">
                {t.next}
              </button>
            </div>
          </form>
        ) : (
          <div>
            <p tabIndex={-1} role="status">
              {t.done}
            </p>
            <ul part="answers">
              {steps!.map((answered) => {
                const answers = answersOf(answered);
                return answers.length > 0 && <li key={answered.question}>{`${t[answered.question]}${t.colon}${answers.join(', ')}`}</li>;
              })}
            </ul>
            <div class="row">
              <button onClick={() => this.go(0)}>{t.edit}</button>
            </div>
          </div>
        )}
      </section>
    );
  }
}
