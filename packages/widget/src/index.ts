/**
 * `@curio/widget` — Preact widgets for Curio: picks with reasons and a "Why this?" panel, the
 * preference center and the taste quiz. Rendered in shadow roots, themable with `--curio-*`
 * custom properties and `::part()`. Importing this module touches no browser global.
 */
export { mountPicks, mountPreferences, mountQuiz, openPreferences, type QuizOptions } from './widgets.js';
export { defineCurioElements } from './elements.js';
export { readPicksOptions, type PicksOptions } from './picks/options.js';
export type { Unmount } from './mount.js';
