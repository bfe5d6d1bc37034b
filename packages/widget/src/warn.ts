/** Runtime problems of the widget are reported on the console, never thrown into the page. */
export const warn = (error: unknown): void => console.warn('[curio] widget:', error);
