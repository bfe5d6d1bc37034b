/** Auto-mounting widgets on `data-curio-*` elements, kept in step with the page. */
import type { Curio } from '@curio/core';
import { mountCollections, mountPicks, mountPreferences, mountQuiz, preloadStyles, readPicksOptions, readQuizOptions, type Unmount } from '@curio/widget';
import { guard } from './guard.js';
import { MOUNT_SELECTOR as SELECTOR } from './mount-selector.js';

const capitalized = (name: string) => name[0]!.toUpperCase() + name.slice(1);

/** Mounts the widget an element asks for. */
function mount(element: HTMLElement, curio: Curio): Unmount {
  const data = element.dataset;
  if (data.curioPicks !== undefined) {
    return mountPicks(element, curio, readPicksOptions((name) => (name === 'placement' ? data.curioPicks : data[`curio${capitalized(name)}`])));
  }
  if (data.curioPreferences !== undefined) return mountPreferences(element, curio);
  if (data.curioCollections !== undefined) return mountCollections(element, curio, { limit: Number(data.curioCollections) || undefined, picks: Number(data.curioLimit) || undefined });
  // The quiz builds its questions from `curio.products()` once the catalog is loaded;
  // `data-curio-quiz="brand size"` picks the steps, `data-curio-labels` holds the shop's wording (JSON).
  const config = readQuizOptions((name) => (name === 'steps' ? data.curioQuiz : data[`curio${name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())}`]));
  return mountQuiz(element, curio, { ...config, labels: data.curioLabels ? JSON.parse(data.curioLabels) : undefined });
}

/**
 * Returns `scan()`, which mounts widgets on new `data-curio-*` elements, re-mounts those whose
 * attributes changed and unmounts those removed from the page. Each widget mounts in a task of
 * its own (after one that parses the stylesheet), so a page with several never blocks for long on
 * a slow phone.
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
      // Not JSON.stringify: a page may have patched it.
      const config = Object.entries(element.dataset).map(([name, value]) => `${name}=${value}`).join('\u0000');
      const current = mounted.get(element);
      if (current?.config === config) continue;
      guard(() => current?.unmount())();
      let unmount: Unmount | undefined;
      // The stylesheet is parsed in a task before the first mount's, not in it.
      if (!mounted.size) setTimeout(guard(preloadStyles));
      const pending = setTimeout(guard(() => (unmount = mount(element, curio))));
      mounted.set(element, { config, unmount: () => (unmount ? unmount() : clearTimeout(pending)) });
    }
  };
}
