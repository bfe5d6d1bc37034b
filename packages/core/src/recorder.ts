/**
 * `@curio/core/recorder` — recording only, for pages that show no picks (curio.recorder.js): events,
 * preferences, consent and the session's landing go into the visitor's record, without the
 * catalog, the profile, the ranking or the explanations. An entry point of its own, so an app
 * bundling `@curio/core` does not grow.
 * @packageDocumentation
 */
import { checkFields, warnOnce } from './errors.js';
import { landingOf } from './context/landing.js';
import { openRecorder, RECORDER_OPTIONS, type Recorder, type RecorderOptions } from './recording.js';

export type { Recorder, RecorderOptions } from './recording.js';

/**
 * Creates a recorder: records events, preferences and the session's landing in the visitor's
 * record (the same IndexedDB database and shapes as `createCurio`, so a later page's
 * createCurio ranks from them), with the same consent handling. It loads no catalog: event ids are
 * stored as given, and count later once the catalog knows them as product ids or aliases.
 * Throws CurioError for invalid options.
 */
export function createRecorder(options: RecorderOptions = {}): Recorder {
  checkFields('invalid_option', 'createRecorder()', options, RECORDER_OPTIONS, 0);
  const { record, now, arrival, methods } = openRecorder(options);
  // The landing is recorded whatever the shop's rules (the recorder has no catalog to ask): at
  // once, so the next page has it. A page with curio.js drops it again in a shop without rules.
  const ready = record.reload().then(
    () => {
      const landing = landingOf(record.state, ...arrival, now());
      if (landing && !record.destroyed) void record.change((s) => ({ ...s, landing }), true);
    },
    (e: unknown) => warnOnce('recorder', `The visitor's stored record could not be read (${e}).`),
  );
  return {
    ...methods,
    ready,
    get consent() {
      return record.consent;
    },
    get storage() {
      return record.mode;
    },
  };
}
