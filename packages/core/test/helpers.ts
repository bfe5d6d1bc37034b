/** Test helpers: a Curio on the fixture catalog with a controllable clock. */
import { createCurio } from '../src/index.js';
import type { CatalogFile, Curio, CurioOptions, PreferenceUpdate, TrackEvent } from '../src/index.js';
import outdoor from './fixtures/outdoor-catalog.json';

/** The fixture shop (22 outdoor products, two neighbour lists). */
export const outdoorCatalog = outdoor as unknown as CatalogFile;

/** A test clock: `clock.now` is injected; `clock.t` is moved by the test. */
export function testClock(start = Date.UTC(2026, 10, 24, 12)) {
  const clock = { t: start, now: () => clock.t };
  return clock;
}

let db = 0;
/** A fresh Curio on its own database. */
export function testCurio(options: Partial<CurioOptions> = {}) {
  const clock = testClock();
  const curio = createCurio({ catalog: outdoorCatalog, now: clock.now, storeName: `test-${++db}`, locale: 'en', ...options });
  return { curio, clock };
}

/** A scripted interaction: an event some minutes before "now", or a preference. */
export type Step = (TrackEvent & { minutesAgo?: number }) | { preference: PreferenceUpdate };

/** Replays steps oldest first, then sets the clock to "now". */
export async function replay(curio: Curio, clock: { t: number }, steps: Step[]): Promise<void> {
  const now = clock.t;
  for (const s of steps) {
    if ('preference' in s) await curio.setPreference(s.preference);
    else {
      const { minutesAgo = 0, ...event } = s;
      clock.t = now - minutesAgo * 60_000;
      curio.track(event as TrackEvent);
    }
  }
  clock.t = now;
}
