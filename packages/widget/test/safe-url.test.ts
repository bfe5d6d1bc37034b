import { describe, expect, it } from 'vitest';
import { safeUrl } from '../src/safe-url.js';

describe('safeUrl', () => {
  it('keeps http(s) and relative URLs', () => {
    for (const url of ['https://shop.example/p/1', 'http://x.test/a.jpg', '/p/1', 'p/1?x=1', '#top', '//cdn.example/a.jpg']) expect(safeUrl(url)).toBe(url);
  });
  it('refuses other schemes, however disguised', () => {
    for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x', 'blob:https://x/1']) expect(safeUrl(url)).toBeUndefined();
    expect(safeUrl(undefined)).toBeUndefined();
  });
});
