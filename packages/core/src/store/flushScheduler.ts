/** Batches writes: one flush per burst of events, on idle after a delay, or at once when the page is hidden. */

/** What {@link createFlushScheduler} returns. */
export interface FlushScheduler {
  /** Asks for a flush soon; calls while one is pending are free. */
  schedule(): void;
  /** Flushes now, cancelling the pending timer. Never rejects. */
  flushNow(): Promise<void>;
  /** Cancels the pending flush and removes the page listeners, for good: later `schedule()` calls do nothing. */
  dispose(): void;
}

/**
 * Creates a scheduler calling `flush` at most once per `delayMs` burst. Page listeners are added on
 * the first `schedule()` (nothing touches the DOM at import). `pagehide` is used, never
 * `unload`/`beforeunload`, which would keep the page out of the back/forward cache.
 */
export function createFlushScheduler(flush: () => Promise<void>, { delayMs = 1000, onHide = () => {} } = {}): FlushScheduler {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  let armed = false;
  let listening = false;
  let disposed = false;
  // `pagehide` may come while still `visible`, and is the last reliable moment on mobile.
  // `onHide` runs synchronously first: the asynchronous flush may not finish before the page goes.
  // Also when no flush is armed: one may be under way, and a page going away aborts its transaction.
  const onPageHide = () => {
    onHide();
    if (armed) void flushNow();
  };
  const onVisibility = () => {
    if (document.visibilityState == 'hidden') onPageHide();
  };
  const listen = (on: boolean) => {
    listening = on;
    const method = on ? 'addEventListener' : 'removeEventListener';
    globalThis[method]?.('pagehide', onPageHide);
    if (typeof document != 'undefined') document[method]('visibilitychange', onVisibility);
  };
  const cancel = () => {
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
    armed = false;
    timer = idle = undefined;
  };
  // The executor turns a synchronous throw of `flush` into a rejection, which is swallowed.
  const flushNow = () => {
    cancel();
    return new Promise<void>((done) => done(flush())).catch(() => {});
  };
  return {
    schedule() {
      if (disposed) return;
      if (!listening) listen(true);
      if (armed) return;
      armed = true;
      timer = setTimeout(() => {
        timer = undefined;
        if (typeof requestIdleCallback == 'function') idle = requestIdleCallback(() => void flushNow(), { timeout: delayMs });
        else void flushNow();
      }, delayMs);
    },
    flushNow,
    dispose() {
      disposed = true;
      cancel();
      listen(false);
    },
  };
}
