import { afterEach, describe, expect, it } from 'vitest';
import type { Product } from '@curio/core';
import { mountQuiz } from '../src/index.js';
import { testCatalog, testCurio, until } from './fixtures.js';

const products = testCatalog().products.map((p) => ({ ...p, currency: 'EUR' })) as Product[];
const cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.splice(0).forEach((unmount) => unmount());
  document.body.innerHTML = '';
});

describe('mountQuiz', () => {
  it('asks category, brand and size, saves answers as preferences and can be edited', async () => {
    const curio = await testCurio('fr');
    const element = document.createElement('div');
    document.body.append(element);
    cleanups.push(mountQuiz(element, curio, { products }));
    const root = element.shadowRoot!;
    const legend = () => root.querySelector('legend')?.textContent ?? '';
    const option = (label: string) => [...root.querySelectorAll('label')].find((l) => l.textContent === label)!.querySelector('input')!;
    const press = (label: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === label)!.click();

    await until(() => legend().startsWith('Que cherchez-vous'));
    expect(legend()).toContain('(1/3)');
    option('Home').click();
    await until(() => option('Home').checked);
    press('Suivant');
    await until(() => legend().startsWith('Marques'));
    press('Passer');
    await until(() => legend().startsWith('Votre taille'));
    option('M').click();
    await until(() => option('M').checked);
    press('Suivant');
    await until(() => root.textContent!.includes('Merci'));
    await until(async () => (await curio.profile()).preferences.length === 2);
    expect((await curio.profile()).preferences).toEqual(
      expect.arrayContaining([
        { kind: 'category', value: 'Home', like: true },
        { kind: 'attribute', value: ['size', 'M'], like: true },
      ]),
    );

    press('Modifier mes réponses');
    await until(() => legend().startsWith('Que cherchez-vous'));
    expect(option('Home').checked).toBe(true);
    option('Home').click();
    await until(() => !option('Home').checked);
    press('Suivant');
    await until(async () => (await curio.profile()).preferences.length === 1);
  });

  it('allows at most five brands', async () => {
    const many = products.map((p, i) => ({ ...p, brand: `Brand ${i}` }));
    const curio = await testCurio();
    const element = document.createElement('div');
    document.body.append(element);
    cleanups.push(mountQuiz(element, curio, { products: many }));
    const root = element.shadowRoot!;
    await until(() => root.querySelector('legend'));
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Skip')!.click();
    await until(() => root.querySelector('legend')!.textContent!.startsWith('Favourite brands'));
    const boxes = [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    for (const box of boxes.slice(0, 5)) box.click();
    await until(() => boxes.slice(5).every((box) => box.disabled));
  });
});
