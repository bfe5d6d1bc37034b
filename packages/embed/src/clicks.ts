/** Event delegation for the shop's own markup: add-to-cart buttons and "Your data" links. */
import type { TrackEvent } from '@curio/core';
import { guard } from './guard.js';

/**
 * Listens on the document for clicks on `[data-curio-track="add_to_cart"][data-curio-item]`
 * (tracked) and `[data-curio-open="preferences"]` (calls `openPreferences`).
 */
export function captureClicks(track: (event: TrackEvent) => void, openPreferences: () => void): void {
  const onClick = guard((event: Event) => {
    const target = event.target instanceof Element ? event.target : null;
    const tracked = target?.closest<HTMLElement>('[data-curio-track="add_to_cart"][data-curio-item]');
    if (tracked) track({ type: 'add_to_cart', item: tracked.dataset.curioItem! });
    if (target?.closest('[data-curio-open="preferences"]')) {
      event.preventDefault();
      openPreferences();
    }
  });
  document.addEventListener('click', onClick);
}
