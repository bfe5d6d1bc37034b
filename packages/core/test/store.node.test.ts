// @vitest-environment node
import { expect, test, vi } from 'vitest';

test('the store modules import and run without a DOM (SSR)', async () => {
  expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
  const { createFlushScheduler } = await import('../src/store/flushScheduler.js');
  const { createMemoryStore } = await import('../src/store/memoryStore.js');
  await import('../src/store/idbStore.js');
  vi.useFakeTimers();
  const flush = vi.fn(async () => {});
  const s = createFlushScheduler(flush);
  s.schedule();
  await vi.advanceTimersByTimeAsync(1000);
  expect(flush).toHaveBeenCalledTimes(1);
  s.dispose();
  vi.useRealTimers();
  expect((await createMemoryStore({ retentionDays: 1, now: Date.now }).load()).events).toEqual([]);
});
