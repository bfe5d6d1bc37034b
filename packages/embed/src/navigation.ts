/** Single-page-app navigations: `history.pushState`/`replaceState` and `popstate`. */

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
