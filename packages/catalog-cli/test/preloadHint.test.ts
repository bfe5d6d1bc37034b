import { describe, expect, it } from 'vitest';
import { preloadHint, preloadNote } from '../src/output/preloadHint.js';

const rule = { id: 'r', if: { context: { weather: 'rain' } }, then: { boost: { tags: ['rainy-day'] } } } as never;

describe('the data-preload hint printed after a build', () => {
  it('names rules on every page, shards on product pages only, compact everywhere', () => {
    expect(preloadHint({ rules: [rule] }, 60, false)).toEqual({ everyPage: ['rules'], productPages: ['rules', 'shards'] });
    expect(preloadHint({ collections: [{}] as never }, 0, true)).toEqual({ everyPage: ['rules', 'compact'], productPages: ['rules', 'compact'] });
    expect(preloadHint({ rules: [] }, 0, false)).toEqual({ everyPage: [], productPages: [] });
  });

  it('says where each attribute goes, or nothing when no file is needed early', () => {
    expect(preloadNote(preloadHint({ rules: [rule] }, 60, false))).toBe(
      'script tag: add data-preload="rules shards" to curio.js on product pages, data-preload="rules" on the others (docs/script-tag.md)',
    );
    expect(preloadNote(preloadHint({}, 12, false))).toBe('script tag: add data-preload="shards" to curio.js on product pages, no data-preload on the others (docs/script-tag.md)');
    expect(preloadNote(preloadHint({ rules: [rule] }, 0, false))).toBe('script tag: add data-preload="rules" to curio.js on every page (docs/script-tag.md)');
    expect(preloadNote(preloadHint({}, 0, false))).toBeUndefined();
  });
});
