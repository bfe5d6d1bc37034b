/**
 * Google Consent Mode v2 adapter (`consentFrom: 'gcm'`). Modelled on Google's "Set up consent mode
 * on websites" (developers.google.com/tag-platform/security/guides/consent) and the consent types
 * of the Tag Manager consent API: a CMP or the page calls `gtag('consent', 'default', {...})` and
 * `gtag('consent', 'update', {...})`, and gtag.js pushes each call's `arguments` onto
 * `window.dataLayer`. Curio reads those entries (already there, and pushed later).
 *
 * Storage: `personalization_storage` ("storage related to personalization such as video
 * recommendations"). A `'default'` of `denied` is the state before the visitor chose (`pending`);
 * an `'update'` to `denied` is a refusal or a withdrawal. Defaults for a `region` are ignored (Curio
 * does not know where the visitor is). `ad_personalization` and `ad_storage` concern ads, not
 * Curio. Analytics: `analytics_storage`.
 */
import type { CmpAdapter, CmpAnswer } from './cmpAnswer.js';

type Signals = Record<string, unknown>;

/** Curio's answer once `default` and `update` signals are known (undefined when none names personalization_storage). */
export function answerOf(defaults: Signals, updates: Signals): CmpAnswer | undefined {
  const analytics = (updates.analytics_storage ?? defaults.analytics_storage) === 'granted';
  if (updates.personalization_storage !== undefined) return { storage: updates.personalization_storage === 'granted' ? 'granted' : 'denied', analytics };
  if (defaults.personalization_storage !== undefined) return { storage: defaults.personalization_storage === 'granted' ? 'granted' : 'pending', analytics };
}

export const watch: CmpAdapter = (page, answer) => {
  const defaults: Signals = {};
  const updates: Signals = {};
  const read = (entry: unknown) => {
    // gtag() pushes its `arguments` object: ['consent', 'default' | 'update', { … }].
    const args = entry && typeof entry == 'object' && 'length' in entry ? Array.from(entry as ArrayLike<unknown>) : [];
    const [command, kind, signals] = args as [unknown, unknown, Signals | undefined];
    if (command !== 'consent' || !signals || typeof signals != 'object' || (kind !== 'default' && kind !== 'update')) return false;
    if (kind === 'default' && signals.region !== undefined) return false;
    Object.assign(kind === 'default' ? defaults : updates, signals);
    return true;
  };
  const report = () => {
    const next = answerOf(defaults, updates);
    if (next) answer(next);
  };
  const dataLayer: unknown[] = (page.dataLayer ??= []);
  if (dataLayer.map(read).includes(true)) report();
  const push = dataLayer.push;
  dataLayer.push = function (this: unknown[], ...entries: unknown[]) {
    const result = push.apply(this, entries);
    try {
      if (entries.map(read).includes(true)) report();
    } catch {
      // The page's push must go on whatever Curio makes of it.
    }
    return result;
  };
};
