/** Single-page-app navigations: `history.pushState`/`replaceState` and `popstate`. */

/** Calls `onNavigate` after each SPA navigation (once the new URL is in place). */
export function onNavigation(onNavigate: () => void): void {
  for (const method of ['pushState', 'replaceState'] as const) {
    const original = history[method];
    history[method] = function (this: History, ...args: Parameters<History['pushState']>) {
      const result = original.apply(this, args);
      // Let the app render the new page before scanning it.
      setTimeout(onNavigate);
      return result;
    };
  }
  addEventListener('popstate', () => setTimeout(onNavigate));
}
