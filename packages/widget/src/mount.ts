/** Rendering a widget into an element's shadow root. */
import { options, render, type ComponentChild } from 'preact';
import type { Locale } from '@curio/core';
import { loadStrings } from './i18n.js';
import { addStyles } from './styles.js';

/** A function that removes a mounted widget. */
export type Unmount = () => void;

/**
 * Renders `widget` into the shadow root of `host` (attached, open, when missing) with the
 * widget styles, once the UI strings of `locale` are at hand (at once for English), and returns
 * the function that unmounts it.
 */
export function mountInShadow(host: Element, widget: ComponentChild, locale: Locale): Unmount {
  // Preact schedules re-renders with queueMicrotask unless told otherwise: a page without it
  // (old, or patched) would get an exception on every update.
  if (typeof queueMicrotask != 'function') options.debounceRendering ??= (rerender) => void Promise.resolve().then(rerender);
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  addStyles(root);
  // A container of our own, so rendering never removes a fallback <style> or another widget.
  const container = document.createElement('div');
  root.append(container);
  let mounted = true;
  const show = () => mounted && render(widget, container);
  const loading = loadStrings(locale);
  if (loading) void loading.then(show);
  else show();
  return () => {
    mounted = false;
    render(null, container);
    container.remove();
  };
}
