/**
 * A neighbour row may list its own item (the builder's `next` list counts repeated clicks): the
 * item's propensity to be clicked again. It raises the item's score and is explained as a re-show.
 */
import { describe, expect, test } from 'vitest';
import { createCurio } from '../src/index.js';
import { outdoorCatalog, replay, testClock } from './helpers.js';

let db = 0;
async function picksAfterViews(rows: Record<string, Array<[string, number]>>) {
  const clock = testClock();
  const catalog = { ...outdoorCatalog, neighbors: [...outdoorCatalog.neighbors!, { id: 'next', kind: 'viewed_together' as const, rows }] };
  const curio = createCurio({ catalog, now: clock.now, storeName: `self-${++db}`, locale: 'en', consent: 'granted' });
  await curio.ready;
  await replay(curio, clock, [
    { type: 'view_item', item: 'summit-boot', minutesAgo: 2 },
    { type: 'view_item', item: 'trail-runner-2', minutesAgo: 1 },
  ]);
  return curio.recommend({ placement: 'home', limit: 10 });
}

describe('self rows (repeat clicks)', () => {
  test('raise the item itself and are explained as recently viewed', async () => {
    const without = await picksAfterViews({ 'trail-runner-2': [['trail-socks', 1]] });
    const withSelf = await picksAfterViews({ 'trail-runner-2': [['trail-socks', 1], ['trail-runner-2', 1]] });
    const score = (picks: typeof without, id: string) => picks.find((p) => p.item === id)?.score ?? 0;
    expect(score(withSelf, 'trail-runner-2')).toBeGreaterThan(score(without, 'trail-runner-2'));
    const pick = withSelf.find((p) => p.item === 'trail-runner-2')!;
    expect(pick.reasons[0]!.code).toBe('recently_viewed');
    expect(pick.reasons.flatMap((r) => r.evidence.items ?? [])).toEqual(['trail-runner-2']);
  });
});
