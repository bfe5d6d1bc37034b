/** The taste quiz: a few skippable questions whose answers become explicit preferences. */
import { useEffect, useRef } from 'preact/hooks';
import type { Curio } from '@curio/core';
import { stringsFor } from '../i18n.js';
import type { QuizStep } from './steps.js';
import { optionKey, useQuiz } from './use-quiz.js';

/** Props of {@link Quiz}. */
export interface QuizProps {
  curio: Curio;
  steps: QuizStep[];
}

/** One question at a time as a group of checkboxes; focus follows the step for keyboard and screen-reader users. */
export function Quiz({ curio, steps }: QuizProps) {
  const t = stringsFor(curio.locale);
  const { step, index, selected, toggle, next, go } = useQuiz(curio, steps);
  const fieldset = useRef<HTMLFieldSetElement>(null);
  const finished = useRef<HTMLParagraphElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current) (fieldset.current ?? finished.current)?.focus();
    moved.current = true;
  }, [index]);
  if (!steps.length) return null;
  return (
    <section part="quiz" aria-labelledby="q">
      <h2 id="q">{t.quiz}</h2>
      {step ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            next();
          }}
        >
          <fieldset ref={fieldset} tabIndex={-1}>
            <legend>
              {t[step.question]} <span class="m">({index + 1}/{steps.length})</span>
            </legend>
            <div class="row">
              {step.options.map((option) => {
                const checked = selected.has(optionKey(option.preference));
                return (
                  <label key={option.label} part="option">
                    <input
                      type="checkbox"
                      checked={checked}
                      disabled={!checked && selected.size >= (step.max ?? Infinity)}
                      onChange={() => toggle(option)}
                    />
                    {option.label}
                  </label>
                );
              })}
            </div>
          </fieldset>
          <div class="row">
            {index > 0 && (
              <button type="button" onClick={() => go(index - 1)}>
                {t.back}
              </button>
            )}
            <button type="button" onClick={() => go(index + 1)}>
              {t.skip}
            </button>
            <button class="p" type="submit">
              {t.next}
            </button>
          </div>
        </form>
      ) : (
        <div class="row">
          <p ref={finished} tabIndex={-1} role="status">
            {t.done}
          </p>
          <button onClick={() => go(0)}>{t.edit}</button>
        </div>
      )}
    </section>
  );
}
