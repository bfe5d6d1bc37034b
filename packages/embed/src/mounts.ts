/** Auto-mounting widgets on `data-curio-*` elements, kept in step with the page. */
import type { Curio } from '@curio/core';
import { mountPicks, mountPreferences, mountQuiz, readPicksOptions, type Unmount } from '@curio/widget';
import { guard } from './guard.js';

const SELECTOR = '[data-curio-picks],[data-curio-preferences],[data-curio-quiz]';
const capitalized = (name: string) => name[0]!.toUpperCase() + name.slice(1);

/** Mounts the widget an element asks for. */
function mount(element: HTMLElement, curio: Curio): Unmount {
  const data = element.dataset;
  if (data.curioPicks !== undefined) {
    return mountPicks(element, curio, readPicksOptions((name) => (name === 'placement' ? data.curioPicks : data[`curio${capitalized(name)}`])));
  }
  // The quiz builds its questions from `curio.products()` once the catalog is loaded.
  return data.curioPreferences !== undefined ? mountPreferences(element, curio) : mountQuiz(element, curio);
}

/**
 * Returns `scan()`, which mounts widgets on new `data-curio-*` elements, re-mounts those whose
 * attributes changed and unmounts those removed from the page.
 */
export function autoMount(curio: Curio): () => void {
  const mounted = new Map<HTMLElement, { config: string; unmount: Unmount }>();
  return () => {
    for (const [element, { unmount }] of mounted) {
      if (!element.isConnected) {
        guard(unmount)();
        mounted.delete(element);
      }
    }
    for (const element of document.querySelectorAll<HTMLElement>(SELECTOR)) {
      const config = JSON.stringify(element.dataset);
      const current = mounted.get(element);
      if (current?.config === config) continue;
      guard(() => {
        current?.unmount();
        mounted.set(element, { config, unmount: mount(element, curio) });
      })();
    }
  };
}
