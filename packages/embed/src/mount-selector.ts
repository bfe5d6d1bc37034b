/** The elements curio.js mounts a widget on (mounts.ts); curio.recorder.js hands over to curio.js when a page has one. */
export const MOUNT_SELECTOR = '[data-curio-picks],[data-curio-preferences],[data-curio-quiz],[data-curio-collections]';
