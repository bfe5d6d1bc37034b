/** `<curio-picks>`, `<curio-preferences>` and `<curio-quiz>`, registered on request (never at import). */
import type { Curio } from '@curio/core';
import type { Unmount } from './mount.js';
import { readPicksOptions } from './picks/options.js';
import { readQuizOptions } from './quiz/steps.js';
import { mountCollections, mountPicks, mountPreferences, mountQuiz } from './widgets.js';

/** Registers an element that mounts a widget while connected and re-mounts when an observed attribute changes. */
function define(name: string, mount: (element: HTMLElement) => Unmount, attributes: string[] = []): void {
  if (!customElements.get(name))
    customElements.define(
      name,
      class extends HTMLElement {
        static observedAttributes = attributes;
        u?: Unmount;
        connectedCallback() {
          this.disconnectedCallback();
          this.u = mount(this);
        }
        disconnectedCallback() {
          this.u?.();
          this.u = undefined;
        }
        attributeChangedCallback() {
          if (this.u) this.connectedCallback();
        }
      },
    );
}

/**
 * Registers the custom elements for `curio`:
 * `<curio-picks placement="product" item="sku-1" limit="4" layout="carousel" title="…">`,
 * `<curio-preferences>` and `<curio-quiz>` (its questions come from `curio.products()`).
 * Names already defined are left alone, so the first Curio instance to call this owns the
 * elements of the page.
 */
export function defineCurioElements(curio: Curio): void {
  define('curio-picks', (element) => mountPicks(element, curio, readPicksOptions((name) => element.getAttribute(name))), [
    'placement',
    'item',
    'category',
    'collection',
    'limit',
    'layout',
    'title',
    'subtitle',
  ]);
  define('curio-preferences', (element) => mountPreferences(element, curio));
  define('curio-quiz', (element) => mountQuiz(element, curio, readQuizOptions((name) => element.getAttribute(name))), ['steps', 'size-attribute', 'style-attribute']);
  define('curio-collections', (element) => mountCollections(element, curio, { limit: Number(element.getAttribute('limit')) || undefined, picks: Number(element.getAttribute('picks')) || undefined }), ['limit', 'picks']);
}
