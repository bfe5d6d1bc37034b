import { afterEach, describe, expect, it, vi } from 'vitest';
import { testCurio, until } from './fixtures.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.splice(0).forEach((unmount) => unmount());
  document.body.innerHTML = '';
  vi.doUnmock('../src/quiz/Quiz.js');
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
    cleanups.push(mountQuiz(quiz, curio));
    await until(() => quiz.shadowRoot!.querySelector('[part="quiz"]'));
  });
});
