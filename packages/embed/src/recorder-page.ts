/**
 * curio.recorder.js on a page: the recorder (core's createRecorder), the `window.curio` command
 * queue and the same auto-capture as curio.js, and the hand-over to curio.js when the page turns
 * out to need picks (a widget element, a preference-center link clicked, an engine method called
 * on `window.curio.instance`).
 *
 * The hand-over: the recorder stops recording (what it captures meanwhile goes into a plain
 * `window.curio` array for curio.js), stores what is pending and closes (two instances never
 * write the visitor's record at once), puts back into that array what curio.js must redo (a
 * consent changed on this page, the page's context values, and — when nothing was stored because
 * consent is pending or denied — the commands kept in memory only), then loads curio.js from the
 * same folder with the same data attributes plus `data-curio-handed-over`, which tells curio.js
 * that the products and dataLayer entries on the page now were recorded already.
 */
import type { Consent, Curio, TrackEvent } from '@curio/core';
import { createRecorder, type Recorder } from '@curio/core/recorder';
import { readConfig, type EmbedConfig } from './config.js';
import { takeOverQueue, type Command, type CurioQueue, type QueueTarget } from './commands.js';
import { guard, warnOnce } from './guard.js';
import { mirrorDataLayer } from './data-layer.js';
import { onDocumentChange, onNavigation } from './navigation.js';
import { createPageCapture } from './page-capture.js';
import { captureClicks } from './clicks.js';
import { MOUNT_SELECTOR } from './mount-selector.js';

/** The page's globals curio.recorder.js uses. */
export interface RecorderHost {
  curio?: unknown;
  dataLayer?: unknown[];
}

/** The methods of {@link Curio} that need the catalog: on a recorder page, calling one hands over to curio.js. */
const ENGINE_METHODS = ['recommend', 'profile', 'preferences', 'collections', 'explainRules', 'removeInterest', 'exportData'] as const;
type EngineMethod = (typeof ENGINE_METHODS)[number];

/**
 * `window.curio.instance` on a page with curio.recorder.js: the recorder's methods, `setContext`
 * (kept for curio.js), and the engine's methods, each of which loads curio.js and runs there.
 */
export type RecorderInstance = QueueTarget & Pick<Recorder, 'ready' | 'subscribe'> & Pick<Curio, EngineMethod> & { readonly consent: Consent };

/** A started recorder page (for tests): its queue, and the hand-over. */
export interface RecorderPage {
  /** The recorder, or undefined when the page handed over at once (measurement needs the catalog). */
  recorder?: Recorder;
  /** Hands over to curio.js (once); resolves with curio.js's instance once it has taken over the queue. */
  upgrade(): Promise<Curio>;
}

/** How long the hand-over waits for curio.js to take over the queue after it loaded. */
const TAKE_OVER_MS = 10_000;

/** Loads curio.js from the folder of `script`, with its data attributes (and `extra` ones). */
function loadCurioJs(script: HTMLScriptElement | null, extra: Record<string, string>): HTMLScriptElement {
  const next = document.createElement('script');
  for (const { name, value } of Array.from(script?.attributes ?? [])) if (name.startsWith('data-')) next.setAttribute(name, value);
  for (const [name, value] of Object.entries(extra)) next.setAttribute(name, value);
  if (script?.nonce) next.nonce = script.nonce; // a Content Security Policy allowing the recorder's nonce
  if (script?.crossOrigin) next.crossOrigin = script.crossOrigin;
  next.async = true;
  next.src = new URL('curio.js', script?.src || location.href).href;
  (document.head ?? document.documentElement).append(next);
  return next;
}

/** Resolves with curio.js's instance once `host.curio` is no longer `queued` (curio.js took over the queue). */
function whenTakenOver(host: RecorderHost, queued: unknown, next: HTMLScriptElement): Promise<Curio> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = (): void => {
      const current = host.curio as Partial<CurioQueue> | undefined;
      if (current !== queued && current?.instance) return resolve(current.instance);
      if (Date.now() - started > TAKE_OVER_MS) return reject(new Error(`${next.src} did not take over window.curio`));
      setTimeout(check, 20);
    };
    next.addEventListener('load', check);
    next.addEventListener('error', () => reject(new Error(`${next.src} could not be loaded; the commands wait in window.curio`)));
  });
}

/** Whether the options measure (holdout, GA4 events, reports): measurement needs the catalog (prices, picks). */
const measures = ({ options }: EmbedConfig): boolean => !!(options.experiment || options.analytics || options.report);

/**
 * Starts curio.recorder.js: reads the script tag, creates the recorder, takes over `host.curio`
 * and, in the next task, captures the page. Throws only for a script tag without `data-catalog`.
 */
export function startRecorderPage(script: HTMLScriptElement | null, host: RecorderHost): RecorderPage {
  const config = readConfig(script);
  if (measures(config)) {
    // Counting orders and revenue needs the catalog: curio.js records this page (docs/script-tag.md).
    const next = loadCurioJs(script, {});
    const taken = whenTakenOver(host, host.curio, next);
    return { upgrade: () => taken };
  }
  const { consent, consentFrom } = config.options;
  const recorder = createRecorder({ ...(consent && { consent }), ...(consentFrom && { consentFrom }) });
  void recorder.ready.catch(warnOnce);
  const startConsent = recorder.consent;
  // The array curio.js takes over after the hand-over; undefined while recording.
  let handOverQueue: Command[] | undefined;
  // What curio.js must redo if the recorder stored nothing (consent pending or denied): in order.
  let inMemory: Command[] = [];
  const contexts: Command[] = [];
  const tookOver = (): boolean => !!handOverQueue && host.curio !== handOverQueue;

  /** Records an event; during the hand-over it waits in the queue for curio.js, after it curio.js captures on its own. */
  const track = (event: TrackEvent): void => {
    if (!handOverQueue) {
      recorder.track(event);
      inMemory.push(['track', event]);
    } else if (!tookOver()) handOverQueue.push(['track', event]);
  };

  let upgrading: Promise<Curio> | undefined;
  const upgrade = (): Promise<Curio> =>
    (upgrading ??= (async () => {
      const queued: Command[] = (handOverQueue = []);
      host.curio = queued;
      queue.push = (...commands) => void queued.push(...commands); // for scripts holding the old array
      await recorder.ready; // the captures waiting for it run now, into the queue
      await recorder.destroy();
      const again: Command[] = [];
      if (recorder.consent !== startConsent) again.push(['consent', recorder.consent]);
      again.push(...contexts);
      if (recorder.storage === 'memory') again.push(...inMemory);
      queued.unshift(...again);
      const next = loadCurioJs(script, { 'data-curio-handed-over': '' });
      return whenTakenOver(host, queued, next);
    })());
  const engine = (method: EngineMethod) => (...args: unknown[]) => upgrade().then((curio) => (curio[method] as (...a: unknown[]) => unknown)(...args));

  const instance: RecorderInstance = {
    track,
    setConsent: (next) => recorder.setConsent(next),
    setPreference(update) {
      inMemory.push(['preference', update]);
      return recorder.setPreference(update);
    },
    // Page values for rules: curio.js applies them if the page hands over; the recorder ranks nothing.
    setContext: (values) => void contexts.push(['context', values]),
    forget() {
      inMemory = [];
      return recorder.forget();
    },
    ready: recorder.ready,
    subscribe: (listener) => recorder.subscribe(listener),
    get consent() {
      return recorder.consent;
    },
    ...(Object.fromEntries(ENGINE_METHODS.map((method) => [method, engine(method)])) as unknown as Pick<Curio, EngineMethod>),
  };
  const queue = takeOverQueue(instance, host.curio);
  guard(() => (host.curio = queue))();
  setTimeout(guard(() => listen(config, host, track, upgrade, tookOver, recorder)));
  return { recorder, upgrade };
}

/** Auto-capture as curio.js does it, and the hand-over when the page shows a widget element. */
function listen(config: EmbedConfig, host: RecorderHost, track: (event: TrackEvent) => void, upgrade: () => Promise<Curio>, tookOver: () => boolean, recorder: Recorder): void {
  const hand = () => void upgrade().catch(warnOnce);
  // No catalog: each product is recorded under the id the page gives first in `data-id`'s order.
  const capture = createPageCapture({ ready: recorder.ready, track: guard(track), product: () => undefined }, config.idPreference);
  let handing = false;
  const scan = guard(() => {
    if (tookOver()) return; // curio.js captures the page now
    capture.scan();
    if (!handing && document.querySelector(MOUNT_SELECTOR)) {
      handing = true;
      hand();
    }
  });
  // A "Your data" link clicked: curio.js opens the preference center (clicked again once it listens).
  const openPreferences = () => {
    if (handing) return;
    handing = true;
    void upgrade().then(() => setTimeout(guard(() => document.querySelector<HTMLElement>('[data-curio-open="preferences"]')?.click()), 50), warnOnce);
  };
  guard(captureClicks)(guard(track), openPreferences);
  if (config.dataLayer) guard(mirrorDataLayer)(host, capture.record);
  guard(onNavigation)(scan);
  guard(onDocumentChange)(scan);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
}
