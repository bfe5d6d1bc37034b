/**
 * The recording both public objects are built on (createRecorder in recorder.ts, createCurio in
 * curio.ts), so both record exactly alike: events are validated and kept in the visitor's record
 * (store/visitorRecord.ts: one IndexedDB database, one shape), and consent is followed (the
 * page's or the shop's CMP). Without the catalog, the profile, the ranking or the explanations.
 */
import { checkFields, CurioError, oneOf, warnOnce, type FieldChecks } from './errors.js';
import { toStoredEvent } from './events.js';
import { globalPrivacyControl } from './privacy/environment.js';
import { updatePreference } from './store/mutations.js';
import { PREFERENCE } from './store/preferenceCheck.js';
import { createVisitorRecord, type VisitorRecord } from './store/visitorRecord.js';
import { CONSENT_SOURCES, followCmp } from './consent/followCmp.js';
import type { CmpAnswer } from './consent/cmpAnswer.js';
import type { Consent, Curio, CurioOptions, StorageMode, StoredEvent } from './types.js';

/** The consents setConsent() and the `consent` option take. */
export const CONSENTS: readonly Consent[] = ['granted', 'pending', 'denied'];

/** The options createRecorder() and createCurio() share (createCurio adds the catalog's). */
export const RECORDER_OPTIONS: FieldChecks = {
  consent: oneOf(CONSENTS),
  retentionDays: [(v) => typeof v == 'number' && v > 0 && v < Infinity, 'a positive number of days'],
  now: [(v) => typeof v == 'function', 'a function returning milliseconds'],
  storeName: [(v) => typeof v == 'string' && v, 'a non-empty string'],
  consentFrom: [(v, o) => CONSENT_SOURCES.includes(v) && o.consent === undefined, `one of ${CONSENT_SOURCES.join(', ')}, without "consent" (consent is pending until the CMP answers)`],
};

/** Options of {@link createRecorder}: the recording options of {@link CurioOptions}, without a catalog. */
export type RecorderOptions = Pick<CurioOptions, 'consent' | 'consentFrom' | 'respectGPC' | 'retentionDays' | 'now' | 'storeName'>;

/**
 * The object returned by {@link createRecorder}: recording only. It has no catalog, so the methods
 * of {@link Curio} that need one (recommend, profile, product, …) do not exist on it.
 */
export interface Recorder extends Pick<Curio, 'track' | 'setPreference' | 'forget' | 'setConsent' | 'subscribe' | 'destroy'> {
  /** Resolves when the stored record has been read and the session's landing recorded; never rejects. */
  readonly ready: Promise<void>;
  /** The consent now. */
  readonly consent: Consent;
  /** Where the data lives now: `indexeddb`, or `memory` (consent not granted, GPC, a storage failure). */
  readonly storage: StorageMode;
}

/** What createCurio adds to the recording (all optional). */
export interface RecorderHooks {
  /** Called with each event after it is in the record. */
  tracked?: (event: StoredEvent) => void;
  /** Called first by every flush of the record. */
  beforeFlush?: () => void;
  /** Deletes what is kept next to the record whenever the stored record is deleted. */
  deleteAlongside?: () => Promise<void>;
}

/** The recording parts shared by {@link createRecorder} and createCurio. */
export interface RecorderParts {
  record: VisitorRecord;
  now: () => number;
  /** Where the visitor arrived from: this page's URL and referrer, read at start (before an SPA changes the URL). */
  arrival: readonly [href: string, referrer: string];
  /** Whether the browser sends Global Privacy Control and the shop respects it. */
  gpc: () => boolean;
  /** Resolves once the CMP gave a final answer (at once without `consentFrom`). */
  cmpAnswered: Promise<void>;
  /** The CMP's analytics consent (false until it answers). */
  analyticsAllowed: () => boolean;
  /** Warns once per kind of storage problem. */
  warn: (message: string) => void;
  /** The methods both public objects have, identical. */
  methods: Pick<Recorder, 'track' | 'setPreference' | 'forget' | 'setConsent' | 'subscribe' | 'destroy'>;
}

/**
 * Opens the visitor's record with `options` (checked by the caller) and follows the shop's CMP:
 * the recording both createRecorder and createCurio are built on.
 */
export function openRecorder(options: RecorderOptions, hooks: RecorderHooks = {}): RecorderParts {
  const now = options.now ?? Date.now;
  const respectGPC = options.respectGPC !== false;
  const tab = Math.random().toString(36).slice(2, 8);
  let seq = 0;
  let analyticsAllowed = false;
  const warn = (m: string) => warnOnce(`store:${m.slice(0, 40)}`, m);
  const arrival = [globalThis.location?.href ?? '', globalThis.document?.referrer ?? ''] as const;
  const gpc = (): boolean => respectGPC && globalPrivacyControl();
  // The visitor's state, its writes and the store consent allows; a page that starts denied (or
  // with GPC) erases what earlier granted visits stored.
  const record = createVisitorRecord({
    name: options.storeName ?? 'curio',
    retentionDays: options.retentionDays ?? 180,
    now,
    consent: options.consentFrom ? 'pending' : (options.consent ?? 'granted'),
    gpc,
    warn,
    beforeFlush: hooks.beforeFlush,
    deleteAlongside: hooks.deleteAlongside,
  });

  const methods: RecorderParts['methods'] = {
    track(event) {
      try {
        const e = toStoredEvent(event, `${tab}-${(seq++).toString(36)}`, now());
        if (typeof e === 'string') return warnOnce(`event:${e}`, `track() ignored an event: ${e}.`);
        record.append(e);
        hooks.tracked?.(e);
      } catch (err) {
        warnOnce('track', `track() failed: ${String(err)}`);
      }
    },
    async setPreference(update) {
      checkFields('invalid_preference', 'setPreference()', update, PREFERENCE, 3);
      await record.change(updatePreference(update), true);
    },
    forget: () => record.forget(),
    setConsent(next) {
      if (!CONSENTS.includes(next)) throw new CurioError('invalid_option', `setConsent() takes one of ${CONSENTS.join(', ')}.`);
      record.switchConsent(next);
    },
    subscribe: (listener) => record.subscribe(listener),
    destroy: () => record.destroy(),
  };

  // The shop's CMP decides consent: its adapter is a chunk of its own. A withdrawal takes the denial path.
  const cmpAnswered = new Promise<void>((answered) => {
    if (!options.consentFrom) return answered();
    // Called from the CMP's own code: nothing may throw back into it.
    const follow = ({ storage, analytics }: CmpAnswer) => {
      if (record.destroyed) return; // the CMP's listeners outlive a destroyed instance
      try {
        analyticsAllowed = analytics;
        if (storage !== record.consent) methods.setConsent(storage);
        if (storage !== 'pending') answered();
      } catch (e) {
        warnOnce('cmp', `Following the CMP failed (${e}).`);
      }
    };
    followCmp(options.consentFrom, follow).catch((e: unknown) => warnOnce('cmp', `The ${options.consentFrom} consent adapter is unavailable (${e}); consent stays pending.`));
  });

  return { record, now, arrival, gpc, cmpAnswered, analyticsAllowed: () => analyticsAllowed, warn, methods };
}
