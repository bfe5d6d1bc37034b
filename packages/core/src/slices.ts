/**
 * Work on many products done in slices: a generator that pauses (`yield`) between slices, run
 * either at once (the synchronous ranker of the catalog builder and the evaluation) or one slice
 * per task, so that the page handles input between slices.
 */
import { yieldToPage } from './yieldToPage.js';

/** Products handled in one slice: a few milliseconds of work on a phone. */
export const SLICE = 2000;

/** Work in slices, returning T. */
export type Slices<T> = Generator<void, T>;

/** Runs all slices now. */
export function atOnce<T>(work: Slices<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/** Runs each slice in a task of its own. */
export async function inTasks<T>(work: Slices<T>): Promise<T> {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    await yieldToPage();
  }
}
