/** `<curio-picks>`, `<curio-preferences>` and `<curio-quiz>`, registered on request (never at import). */
import type { Curio, Product } from '@curio/core';
import type { Unmount } from './mount.js';
import { readPicksOptions, type PicksOptions } from './picks/options.js';
import { mountPicks, mountPreferences, mountQuiz } from './widgets.js';

/** Options of {@link defineCurioElements}. */
export interface ElementsOptions {
  /** The catalog's products, for `<curio-quiz>` (which renders nothing without them). */
  products?: Product[];
}

const PICKS_ATTRIBUTES: Array<keyof PicksOptions> = ['placement', 'item', 'category', 'limit', 'layout', 'title'];

/** Registers an element that mounts a widget while connected and re-mounts when an observed attribute changes. */
function define(name: string, mount: (element: HTMLElement) => Unmount, attributes: string[] = []): void {
  if (customElements.get(name)) return;
  customElements.define(
    name,
    class extends HTMLElement {
      static observedAttributes = attributes;
      unmount?: Unmount;
      connectedCallback() {
        this.unmount?.();
        this.unmount = mount(this);
      }
      disconnectedCallback() {
        this.unmount?.();
        this.unmount = undefined;
      }
      attributeChangedCallback() {
        if (this.unmount) this.connectedCallback();
      }
    },
  );
}

/**
 * Registers the custom elements for `curio`:
 * `<curio-picks placement="product" item="sku-1" limit="4" layout="carousel" title="…">`,
 * `<curio-preferences>` and `<curio-quiz>`. Names already defined are left alone, so the
 * first Curio instance to call this owns the elements of the page.
 */
export function defineCurioElements(curio: Curio, options: ElementsOptions = {}): void {
  define('curio-picks', (element) => mountPicks(element, curio, readPicksOptions((name) => element.getAttribute(name))), PICKS_ATTRIBUTES);
  define('curio-preferences', (element) => mountPreferences(element, curio));
  define('curio-quiz', (element) => mountQuiz(element, curio, { products: options.products ?? [] }));
}
