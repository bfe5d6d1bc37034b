/** The three widgets, each mounted into an element's shadow root. */
import type { Curio, Product } from '@curio/core';
import { mountInShadow, type Unmount } from './mount.js';
import type { PicksOptions } from './picks/options.js';
import { Picks } from './picks/Picks.js';
import { PreferenceCenter } from './preferences/PreferenceCenter.js';
import { PreferencesDialog } from './preferences/PreferencesDialog.js';
import { Quiz } from './quiz/Quiz.js';
import { quizSteps } from './quiz/steps.js';

/** Options of {@link mountQuiz}. */
export interface QuizOptions {
  /** The catalog's products; the questions come from their categories, brands and sizes. */
  products: Product[];
}

/**
 * Shows picks with reasons in `element` (rendered in its shadow root) and keeps them current
 * as the visitor's data changes. Returns the function that removes the widget.
 */
export const mountPicks = (element: Element, curio: Curio, options: PicksOptions): Unmount =>
  mountInShadow(element, <Picks curio={curio} options={options} />);

/** Shows the preference center (see, edit, pause, download, forget) in `element`. */
export const mountPreferences = (element: Element, curio: Curio): Unmount =>
  mountInShadow(element, <PreferenceCenter curio={curio} />);

/**
 * Opens the preference center in a modal dialog (for a "Your data" link of the shop); the
 * dialog removes itself when closed. Returns the function that closes it.
 */
export function openPreferences(curio: Curio): Unmount {
  const host = document.createElement('div');
  document.body.append(host);
  const unmount = mountInShadow(host, <PreferencesDialog curio={curio} onClose={() => close()} />);
  const close = () => {
    unmount();
    host.remove();
  };
  return close;
}

/** Shows the taste quiz in `element`; answers are saved as preferences and can be edited later. */
export const mountQuiz = (element: Element, curio: Curio, options: QuizOptions): Unmount =>
  mountInShadow(element, <Quiz curio={curio} steps={quizSteps(options.products)} />);
