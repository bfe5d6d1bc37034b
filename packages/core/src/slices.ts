/**
 * Work on many products done in slices: a generator that pauses (`yield`) every {@link SLICE}
 * products (and between its phases), run either at once (the synchronous ranker of the catalog
 * builder and the evaluation) or in tasks of at most about {@link TASK_BUDGET_MS}, so that the page
 * handles input in between. The budget is wall-clock time: a slow phone gets more, shorter tasks.
 */
import { yieldToPage } from './yieldToPage.js';

/** Products handled between two looks at the clock: ~10 ms of cold code on a slow phone. */
export const SLICE = 200;

/** How long a task may run slices before giving the page a turn (a long task is over 50 ms). */
export const TASK_BUDGET_MS = 10;

/** Work in slices, returning T. */
export type Slices<T> = Generator<void, T>;

/** Runs all slices now. */
export function atOnce<T>(work: Slices<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/** Runs the slices in tasks of about {@link TASK_BUDGET_MS} each, pausing with `pause` in between. */
export async function inTasks<T>(work: Slices<T>, pause: () => Promise<unknown> = yieldToPage): Promise<T> {
  for (let start = performance.now(); ; ) {
    const step = work.next();
    if (step.done) return step.value;
    if (performance.now() - start >= TASK_BUDGET_MS) {
      await pause();
      start = performance.now();
    }
  }
}
