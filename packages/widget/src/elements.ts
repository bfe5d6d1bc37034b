/** `<curio-picks>`, `<curio-preferences>`, `<curio-quiz>` and `<curio-collections>`, registered on request (never at import). */
import type { Curio, Pick } from '@curio/core';
import type { Unmount } from './mount.js';
import { readPicksOptions, type NavigateHandler } from './picks/options.js';
import { readQuizOptions } from './quiz/options.js';
import { mountCollections, mountPicks, mountPreferences, mountQuiz } from './widgets.js';

/** Registers an element that mounts a widget while connected and re-mounts when an observed attribute changes. */
function define(name: string, mount: (element: HTMLElement) => Unmount, attributes: string[] = []): void {
  if (!customElements.get(name))
    customElements.define(
      name,
      class extends HTMLElement {
        static observedAttributes = attributes;
        /** Removes the mounted widget (set while connected). */
        unmount?: Unmount;
        connectedCallback() {
          this.disconnectedCallback();
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

/** What a `curio-navigate` event carries: the link's URL (the catalog's `url`) and the pick. */
export interface NavigateDetail {
  url: string;
  pick: Pick;
}

/**
 * A `<curio-picks>` pick link click becomes a cancelable `curio-navigate` event on the element
 * (bubbling, `detail`: {@link NavigateDetail}): an app that routes calls `preventDefault()` on it;
 * otherwise the page goes to the URL as the link would have.
 */
const navigateFrom =
  (element: HTMLElement): NavigateHandler =>
  (url, pick) =>
    !element.dispatchEvent(new CustomEvent<NavigateDetail>('curio-navigate', { detail: { url, pick }, bubbles: true, cancelable: true }));

/**
 * Registers the custom elements for `curio`:
 * `<curio-picks placement="product" item="sku-1" limit="4" layout="carousel" title="…">`
 * (a pick click dispatches `curio-navigate`, see {@link NavigateDetail}),
 * `<curio-preferences>`, `<curio-quiz steps="category brand" size-attribute="…" style-attribute="…">`
 * (its questions come from `curio.products()`) and `<curio-collections limit="2" picks="4">`.
 * Names already defined are left alone, so the first Curio instance to call this owns the
 * elements of the page.
 */
export function defineCurioElements(curio: Curio): void {
  define('curio-picks', (element) => mountPicks(element, curio, { ...readPicksOptions((name) => element.getAttribute(name)), onNavigate: navigateFrom(element) }), [
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
