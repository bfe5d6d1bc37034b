/** State of the quiz: the current step, the answers chosen, saving them as preferences. */
import { useState } from 'preact/hooks';
import type { Curio, Preference } from '@curio/core';
import { useCurioValue } from '../use-curio-value.js';
import { warn } from '../warn.js';
import type { QuizOption, QuizStep } from './steps.js';

/** What the quiz component renders and the actions it offers. */
export interface QuizState {
  /** The current step, or `undefined` when the quiz is finished. */
  step: QuizStep | undefined;
  index: number;
  /** Keys (see {@link optionKey}) of the answers chosen in the current step. */
  selected: Set<string>;
  toggle: (option: QuizOption) => void;
  /** Saves the current step's answers and moves on. */
  next: () => void;
  /** Moves to step `index` without saving (skip, back, edit answers). */
  go: (index: number) => void;
}

/** Identifies an answer by the preference it saves. */
export const optionKey = ({ kind, value }: Preference): string => `${kind}:${value}`;

/**
 * Answers start from the visitor's saved preferences, so the quiz doubles as the editor of
 * its own answers; "next" saves only what changed (`like: true`, or `remove` when unticked).
 */
export function useQuiz(curio: Curio, steps: QuizStep[]): QuizState {
  const saved = useCurioValue(curio, async () => new Set((await curio.profile()).preferences.filter((p) => p.like).map(optionKey)), []);
  const [index, setIndex] = useState(0);
  const [draft, setDraft] = useState<Set<string>>();
  const step = steps[index];
  const selected = draft ?? new Set(step?.options.map((o) => optionKey(o.preference)).filter((key) => saved?.has(key)));
  const go = (to: number) => {
    setDraft(undefined);
    setIndex(to);
  };
  return {
    step,
    index,
    selected,
    go,
    toggle: (option) => {
      const key = optionKey(option.preference);
      setDraft((draft) => {
        const next = new Set(draft ?? selected);
        if (!next.delete(key)) next.add(key);
        return next;
      });
    },
    next: () => {
      for (const { preference } of step?.options ?? []) {
        const wanted = selected.has(optionKey(preference));
        if (wanted !== !!saved?.has(optionKey(preference))) curio.setPreference({ ...preference, remove: !wanted }).catch(warn);
      }
      go(index + 1);
    },
  };
}
