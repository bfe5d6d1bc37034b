import { afterEach, describe, expect, it, vi } from 'vitest';
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
  it('asks category, brand, budget and size from the catalog, saves answers as preferences and can be edited', async () => {
    const curio = await testCurio('fr');
    const element = document.createElement('div');
    document.body.append(element);
    const setPreference = vi.spyOn(curio, 'setPreference');
    cleanups.push(mountQuiz(element, curio));
    const root = element.shadowRoot!;
    const legend = () => root.querySelector('legend')?.textContent ?? '';
    const option = (label: string) => [...root.querySelectorAll('label')].find((l) => l.textContent === label)!.querySelector('input')!;
    const press = (label: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === label)!.click();

    await until(() => legend().startsWith('Que cherchez-vous'));
    expect(legend()).toContain('(1/4)');
    option('Home').click();
    await until(() => option('Home').checked);
    press('Suivant');
    await until(() => legend().startsWith('Marques'));
    press('Passer');
    await until(() => legend().startsWith('Votre budget'));
    // Four bands split at the rounded price quartiles (prices 10–65, p5 is invalid), in whole euros.
    const bands = [...root.querySelectorAll('label')].map((l) => l.textContent!.replace(/\s/g, ' '));
    expect(bands).toEqual(['0 € – 20 €', '20 € – 40 €', '40 € – 55 €', '55 € – 65 €']);
    root.querySelector<HTMLInputElement>('input')!.click();
    await until(() => root.querySelector<HTMLInputElement>('input')!.checked);
    press('Suivant');
    await until(() => legend().startsWith('Votre taille'));
    option('M').click();
    await until(() => option('M').checked);
    press('Suivant');
    await until(() => root.textContent!.includes('Merci'));
    expect(setPreference).toHaveBeenCalledWith({ kind: 'price', value: [0, 20], like: true, remove: false });
    await until(async () => (await curio.profile()).preferences.length >= 2);
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
    await until(async () => !(await curio.profile()).preferences.some((p) => p.kind === 'category'));
    expect((await curio.profile()).preferences).toContainEqual({ kind: 'attribute', value: ['size', 'M'], like: true });
  });

  it('a returning visitor resumes after the last question answered, then sees the answers given', async () => {
    const curio = await testCurio();
    await curio.setPreference({ kind: 'category', value: 'Home', like: true });
    const mount = () => {
      const element = document.createElement('div');
      document.body.append(element);
      cleanups.push(mountQuiz(element, curio));
      return element.shadowRoot!;
    };
    const first = mount();
    // The category was answered (on an earlier visit): the quiz opens at the next question.
    await until(() => first.querySelector('legend')?.textContent?.startsWith('Favourite brands'));
    await curio.setPreference({ kind: 'attribute', value: ['size', 'M'], like: true });
    // Size is the last question: a later visit shows what was answered, and can edit it.
    const later = mount();
    await until(() => later.textContent!.includes('Thanks!'));
    const answers = [...later.querySelectorAll('[part=answers] li')].map((li) => li.textContent);
    expect(answers).toEqual(['What are you shopping for?: Home', 'Your size: M']);
    [...later.querySelectorAll('button')].find((b) => b.textContent === 'Edit answers')!.click();
    await until(() => later.querySelector('legend')?.textContent?.startsWith('What are you shopping for?'));
  });

  it('takes products to ask about, and allows at most five brands', async () => {
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

describe('quizSteps on a large catalog', () => {
  it('reads a sample of 2,000 products and finds the same brands, categories and sizes, in the same order', async () => {
    const { quizSample, quizSteps } = await import('../src/quiz/steps.js');
    // 60,000 products in a repeating pattern (as feeds list variants); category and brand
    // frequencies differ by factors of two, far beyond sampling noise.
    const big: Product[] = Array.from({ length: 60_000 }, (_, i) => ({
      id: `p${i}`,
      title: `P${i}`,
      url: `/p${i}`,
      price: 5 + (i % 97),
      currency: 'EUR',
      categories: [`Cat ${Math.floor(Math.log2(1 + (i % 127)))}`],
      brand: `Brand ${Math.floor(Math.log2(1 + (i % 255)))}`,
      attributes: { size: ['S', 'M', 'L', 'XL'][i % 4]! },
    }));
    let reads = 0;
    const counted = new Proxy(big, { get: (target, key, receiver) => (typeof key == 'string' && /^\d+$/.test(key) && reads++, Reflect.get(target, key, receiver)) });
    const sampled = quizSteps(await quizSample(counted), 'en');
    expect(reads).toBeGreaterThan(1800);
    expect(reads).toBeLessThan(2200);
    const full = quizSteps(big.slice(0, 2000), 'en'); // read in full; the same frequencies as the whole catalog
    const labels = (steps: typeof sampled) => steps.map((s) => [s.question, s.options.map(([label]) => label)]);
    const [category, brand, , size] = labels(sampled);
    expect([category, brand, size]).toEqual([labels(full)[0], labels(full)[1], labels(full)[3]]);
    expect(size![1]).toEqual(['S', 'M', 'L', 'XL']);
  });
});
