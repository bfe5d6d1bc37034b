// @vitest-environment node
import { expect, it } from 'vitest';

it('imports without a browser (SSR safe): nothing touches window at import time', async () => {
  expect(typeof window).toBe('undefined');
  const widget = await import('../src/index.js');
  expect(typeof widget.defineCurioElements).toBe('function');
});
