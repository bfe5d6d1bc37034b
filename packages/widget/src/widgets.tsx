/** The widgets (picks, preference center and its dialog, quiz, collections), each mounted into an element's shadow root. */
import { h } from 'preact';
import type { Curio, Product } from '@curio/core';
import { mountInShadow, type Unmount } from './mount.js';
import type { PicksOptions } from './picks/options.js';
import { Picks } from './picks/Picks.js';
import type { CollectionsOptions } from './collections/Collections.js';
import type { QuizLabels } from './quiz/Quiz.js';
import type { QuizConfig } from './quiz/options.js';
import { Collections, PreferenceCenter, PreferencesDialog, Quiz } from './views.js';

/** Options of {@link mountQuiz}: which questions, from which attributes, in the shop's words. */
export interface QuizOptions extends QuizConfig {
  /** Products to build the questions from. Default: the loaded catalog's (`curio.products()`). */
  products?: readonly Product[];
  /** Replacement texts for the title, questions and buttons. */
  labels?: QuizLabels;
}

/**
 * Shows picks with reasons in `element` (rendered in its shadow root) and keeps them current
 * as the visitor's data changes. Returns the function that removes the widget.
 */
export const mountPicks = (element: Element, curio: Curio, options: PicksOptions): Unmount =>
  mountInShadow(element, <Picks curio={curio} options={options} />, curio.locale);

/** Shows the preference center (see, edit, pause, download, forget) in `element`. */
export const mountPreferences = (element: Element, curio: Curio): Unmount => mountInShadow(element, <PreferenceCenter curio={curio} />, curio.locale);

/**
 * Opens the preference center in a modal dialog (for a "Your data" link of the shop); the
 * dialog removes itself when closed. Returns the function that closes it.
 */
export function openPreferences(curio: Curio): Unmount {
  const host = document.body.appendChild(document.createElement('div'));
  const close = () => {
    unmount();
    host.remove();
  };
  const unmount = mountInShadow(host, <PreferencesDialog curio={curio} onClose={close} />, curio.locale);
  return close;
}

/**
 * Shows the taste quiz in `element` once Curio is ready: questions from the catalog's
 * categories, brands, prices and sizes; answers are saved as preferences and can be edited later.
 */
export const mountQuiz = (element: Element, curio: Curio, { products, labels, ...config }: QuizOptions = {}): Unmount =>
  mountInShadow(element, <Quiz curio={curio} products={products} config={config} labels={labels} />, curio.locale);

/**
 * Shows the curated collections the visitor matches (by their behaviour only), each with the
 * products that made the match and its picks. Renders nothing until one matches.
 */
export const mountCollections = (element: Element, curio: Curio, options: CollectionsOptions = {}): Unmount =>
  mountInShadow(element, <Collections curio={curio} options={options} />, curio.locale);
