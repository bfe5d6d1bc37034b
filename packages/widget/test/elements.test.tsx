import { describe, expect, it } from 'vitest';
import { defineCurioElements, readPicksOptions } from '../src/index.js';
import { testCurio, until } from './fixtures.js';

describe('defineCurioElements', () => {
  it('registers elements that mount while connected and follow attribute changes', async () => {
    const curio = await testCurio();
    defineCurioElements(curio);
    defineCurioElements(curio); // a second call is harmless
    document.body.innerHTML = '<curio-picks placement="product" item="p0" limit="2"></curio-picks><curio-preferences></curio-preferences>';
    const picks = document.querySelector('curio-picks')!;
    await until(() => picks.shadowRoot!.querySelectorAll('li.card:not(.skeleton)').length === 2);
    picks.setAttribute('limit', '3');
    await until(() => picks.shadowRoot!.querySelectorAll('li.card:not(.skeleton)').length === 3);
    await until(() => document.querySelector('curio-preferences')!.shadowRoot!.querySelector('h2'));
    picks.remove();
    expect(picks.shadowRoot!.querySelector('li')).toBeNull();
  });

  it('reads picks options from attributes', () => {
    const attributes: Record<string, string> = { placement: 'category', category: 'Home > Lamps', limit: '6', layout: 'carousel' };
    expect(readPicksOptions((name) => attributes[name])).toEqual({ placement: 'category', category: 'Home > Lamps', limit: 6, layout: 'carousel' });
    expect(readPicksOptions(() => null)).toEqual({ placement: 'home' });
  });
});
