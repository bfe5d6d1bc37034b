import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createFlushScheduler } from '../src/store/flushScheduler.js';

const setVisibility = (v: DocumentVisibilityState) => Object.defineProperty(document, 'visibilityState', { value: v, configurable: true });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  setVisibility('visible');
});

describe('createFlushScheduler', () => {
  test('1000 schedule() calls arm one timer and flush once, after the delay', async () => {
    const flush = vi.fn(async () => {});
    const s = createFlushScheduler(flush, { delayMs: 500 });
    for (let i = 0; i < 1000; i++) s.schedule();
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(499);
    expect(flush).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(flush).toHaveBeenCalledTimes(1);
    s.schedule(); // a new burst arms again
    await vi.advanceTimersByTimeAsync(500);
    expect(flush).toHaveBeenCalledTimes(2);
    s.dispose();
  });

  test('waits for idle time when requestIdleCallback exists', async () => {
    const idle = vi.fn((cb: () => void, _opts: { timeout: number }) => setTimeout(cb, 50) as unknown as number);
    vi.stubGlobal('requestIdleCallback', idle);
    vi.stubGlobal('cancelIdleCallback', (h: number) => clearTimeout(h));
    const flush = vi.fn(async () => {});
    const s = createFlushScheduler(flush);
    s.schedule();
    await vi.advanceTimersByTimeAsync(1000);
    expect(idle).toHaveBeenCalledWith(expect.any(Function), { timeout: 1000 });
    expect(flush).not.toHaveBeenCalled();
    s.schedule(); // still pending: no second timer
    await vi.advanceTimersByTimeAsync(50);
    expect(flush).toHaveBeenCalledTimes(1);
    s.dispose();
  });

  test('flushes at once on pagehide and on visibilitychange to hidden', async () => {
    const flush = vi.fn(async () => {});
    const s = createFlushScheduler(flush);
    window.dispatchEvent(new Event('pagehide'));
    expect(flush).not.toHaveBeenCalled(); // nothing pending
    s.schedule();
    window.dispatchEvent(new Event('pagehide'));
    expect(flush).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
    s.schedule();
    document.dispatchEvent(new Event('visibilitychange')); // still visible
    expect(flush).toHaveBeenCalledTimes(1);
    setVisibility('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(flush).toHaveBeenCalledTimes(2);
    s.dispose();
  });

  test('pagehide while a flush is under way still hands the unsaved events over (its transaction would be aborted)', async () => {
    let finish = () => {};
    const flush = vi.fn(() => new Promise<void>((done) => (finish = done)));
    const onHide = vi.fn();
    const s = createFlushScheduler(flush, { onHide });
    s.schedule();
    void s.flushNow(); // under way, not finished
    window.dispatchEvent(new Event('pagehide'));
    expect(onHide).toHaveBeenCalledTimes(1);
    expect(flush).toHaveBeenCalledTimes(1); // no second flush: nothing new was scheduled
    finish();
    s.dispose();
  });

  test('dispose cancels the timer and removes the listeners', async () => {
    const flush = vi.fn(async () => {});
    const s = createFlushScheduler(flush);
    s.schedule();
    s.dispose();
    window.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(5000);
    expect(flush).not.toHaveBeenCalled();
  });

  test('never throws or rejects when flush fails', async () => {
    const rejecting = createFlushScheduler(() => Promise.reject(new Error('x')));
    await expect(rejecting.flushNow()).resolves.toBeUndefined();
    const throwing = createFlushScheduler(() => {
      throw new Error('sync');
    });
    await expect(throwing.flushNow()).resolves.toBeUndefined();
    throwing.schedule();
    await vi.advanceTimersByTimeAsync(1000);
    throwing.dispose();
  });

  test('flushNow cancels the pending timer', async () => {
    const flush = vi.fn(async () => {});
    const s = createFlushScheduler(flush);
    s.schedule();
    await s.flushNow();
    await vi.advanceTimersByTimeAsync(1000);
    expect(flush).toHaveBeenCalledTimes(1);
    s.dispose();
  });
});
