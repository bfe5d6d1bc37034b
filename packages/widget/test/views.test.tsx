import { afterEach, describe, expect, it, vi } from 'vitest';
import { testCurio, until } from './fixtures.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.splice(0).forEach((unmount) => unmount());
  document.body.innerHTML = '';
  vi.doUnmock('../src/quiz/Quiz.js');
  vi.doUnmock('../src/texts-de.js');
  vi.resetModules();
  vi.restoreAllMocks();
});

function host(): HTMLDivElement {
  const element = document.createElement('div');
  document.body.append(element);
  return element;
}

describe('lazy views', () => {
  it('render once their chunk has loaded', async () => {
    const { mountPreferences } = await import('../src/index.js');
    const curio = await testCurio();
    const element = host();
    cleanups.push(mountPreferences(element, curio));
    // Curio is ready, but the preference center's chunk is still loading.
    expect(element.shadowRoot!.querySelector('section')).toBe(null);
    await until(() => element.shadowRoot!.querySelector('[part="preferences"]'));
  });

  it('a chunk that cannot be loaded warns, leaves the other widgets working and loads on the next mount', async () => {
    vi.doMock('../src/quiz/Quiz.js', () => {
      throw new Error('404 curio.quiz.js');
    });
    const { mountPicks, mountQuiz } = await import('../src/index.js');
    const warn = vi.spyOn(console, 'warn');
    const curio = await testCurio();
    const quiz = host();
    const picks = host();
    const unmountQuiz = mountQuiz(quiz, curio);
    cleanups.push(mountPicks(picks, curio, { placement: 'home' }));
    await until(() => warn.mock.calls.some((call) => String(call[1]).includes('the quiz could not be loaded')));
    await until(() => picks.shadowRoot!.querySelector('[part~="card"]:not([part~="skeleton"])'));
    expect(quiz.shadowRoot!.querySelector('section')).toBe(null);

    unmountQuiz();
    vi.doUnmock('../src/quiz/Quiz.js');
  vi.doUnmock('../src/texts-de.js');
    cleanups.push(mountQuiz(quiz, curio));
    await until(() => quiz.shadowRoot!.querySelector('[part="quiz"]'));
  });

  it('bring their own English strings: shown for English pages and when a language file is missing', async () => {
    vi.doMock('../src/texts-de.js', () => {
      throw new Error('404 texts-de.js');
    });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { mountPreferences, mountQuiz } = await import('../src/index.js');
    const text = (element: Element) => element.shadowRoot!.textContent ?? '';
    const english = await testCurio('en');
    const quiz = host();
    const preferences = host();
    cleanups.push(mountQuiz(quiz, english), mountPreferences(preferences, english));
    await until(() => text(quiz).includes('Tell us your taste') && text(quiz).includes('What are you shopping for?'));
    await until(() => text(preferences).includes('Forget everything') && text(preferences).includes('What we know about you'));
    // German strings that cannot be loaded: the quiz asks in English.
    const german = await testCurio('de');
    const fallback = host();
    cleanups.push(mountQuiz(fallback, german));
    await until(() => text(fallback).includes('Tell us your taste') && text(fallback).includes('What are you shopping for?'));
    const french = await testCurio('fr');
    const translated = host();
    cleanups.push(mountQuiz(translated, french));
    await until(() => text(translated).includes('Parlez-nous de vos goûts'));
  });
});
