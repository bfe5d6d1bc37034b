/**
 * The widget's stylesheet (styles.css, minified by the build), scoped to its shadow roots.
 * Theming goes through the `--curio-*` custom properties and `::part()` names documented in
 * docs/theming.md.
 */
import css from './styles.css?raw';

let shared: CSSStyleSheet | undefined;

/**
 * Builds the widgets' stylesheet ahead of the first mount (parsing it takes a few milliseconds,
 * ~10 on a slow phone), for instance in a task of its own before mounting: the first mount then
 * only adopts it. Optional: a mount builds it when missing. Does nothing outside a browser.
 */
export function preloadStyles(): void {
  try {
    if (!shared) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      shared = sheet;
    }
  } catch {
    // no constructable stylesheets: mounts add a <style> element
  }
}

/**
 * Adds the stylesheet to a shadow root: a constructable stylesheet where supported (allowed
 * under a strict `style-src` CSP), else a `<style>` element.
 */
export function addStyles(root: ShadowRoot): void {
  preloadStyles();
  if (shared && root.adoptedStyleSheets) {
    if (!root.adoptedStyleSheets.includes(shared)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, shared];
  } else {
    const style = document.createElement('style');
    style.textContent = css;
    root.prepend(style);
  }
}
