/** Single-page-app navigations and pages that render (or change their product) after loading. */

/** Calls `onNavigate` after each SPA navigation (once the new URL is in place). */
export function onNavigation(onNavigate: () => void): void {
  for (const method of ['pushState', 'replaceState'] as const) {
    const original = history[method];
    try {
      history[method] = function (this: History, ...args: Parameters<History['pushState']>) {
        const result = original.apply(this, args);
        // Let the app render the new page before scanning it.
        setTimeout(onNavigate);
        return result;
      };
    } catch {
      // Not writable (a page froze it): that kind of navigation goes unseen, the others still count.
    }
  }
  addEventListener('popstate', () => setTimeout(onNavigate));
}

/**
 * Calls `onChange` (at most every `delayMs`) after the document changed: an SPA that renders the new
 * product after the URL changed, a theme that swaps the product section when a variant is picked.
 */
export function onDocumentChange(onChange: () => void, delayMs = 50): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  new MutationObserver(() => {
    timer ??= setTimeout(() => {
      timer = undefined;
      onChange();
    }, delayMs);
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
}
