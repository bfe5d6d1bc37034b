/** The script tag never throws into the page: every entry point runs guarded. */
let warned = false;

/** Reports the first problem on the console (later ones stay quiet, the page has enough noise). */
export function warnOnce(error: unknown): void {
  if (warned) return;
  warned = true;
  console.warn('[curio] script tag:', error);
}

/** Wraps `fn` so that an exception is reported once and swallowed. */
export const guard =
  <A extends unknown[]>(fn: (...args: A) => void) =>
  (...args: A): void => {
    try {
      fn(...args);
    } catch (error) {
      warnOnce(error);
    }
  };
