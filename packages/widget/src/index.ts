/**
 * `@curio/widget` — Preact widgets for Curio: picks with reasons and a "Why this?" panel, the
 * preference center, the taste quiz and the visitor's curated collections. Rendered in shadow roots, themable with `--curio-*`
 * custom properties and `::part()`. Importing this module touches no browser global.
 */
export { mountCollections, mountPicks, mountPreferences, mountQuiz, openPreferences, type QuizOptions } from './widgets.js';
export type { CollectionsOptions } from './collections/Collections.js';
export type { QuizLabels } from './quiz/Quiz.js';
export { readQuizOptions, type QuizConfig, type QuizStepName } from './quiz/options.js';
export { defineCurioElements, type NavigateDetail } from './elements.js';
export { readPicksOptions, type NavigateHandler, type PicksOptions } from './picks/options.js';
export type { Unmount } from './mount.js';
export { preloadStyles } from './styles.js';
