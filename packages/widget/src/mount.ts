/** Rendering a widget into an element's shadow root. */
import { render, type ComponentChild } from 'preact';
import { addStyles } from './styles.js';

/** A function that removes a mounted widget. */
export type Unmount = () => void;

/**
 * Renders `widget` into the shadow root of `host` (attached, open, when missing) with the
 * widget styles, and returns the function that unmounts it.
 */
export function mountInShadow(host: Element, widget: ComponentChild): Unmount {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  addStyles(root);
  // A container of our own, so rendering never removes a fallback <style> or another widget.
  const container = document.createElement('div');
  root.append(container);
  render(widget, container);
  return () => {
    render(null, container);
    container.remove();
  };
}
