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

test("a catalog option that is not a URL rejects ready with a CurioError (not a raw TypeError), in Node too", async () => {
  const { createCurio } = await import('../src/index.js');
  const curio = createCurio({ catalog: 'not a url', consent: 'denied' });
  await expect(curio.ready).rejects.toMatchObject({ name: 'CurioError', code: 'invalid_option', message: expect.stringMatching(/not a URL/) });
});
