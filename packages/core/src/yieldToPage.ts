/**
 * Resolves in a new task, so the page can handle input and paint before the caller goes on:
 * `scheduler.yield()` where the browser has it, else a message to ourselves (unlike `setTimeout`,
 * neither clamped nor throttled in background tabs).
 */
export function yieldToPage(): Promise<unknown> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<unknown> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    if (typeof MessageChannel != 'function') return setTimeout(resolve);
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve(undefined);
    };
    port2.postMessage(0);
  });
}
