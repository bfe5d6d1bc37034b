/**
 * Usercentrics adapter (`consentFrom: 'usercentrics'`). Modelled on Usercentrics' documentation
 * of both browser CMPs: v3's `UC_CONSENT` window event, whose `detail` holds `consent.type`
 * (`IMPLICIT` before the visitor chose, `EXPLICIT` after) and `services` (`{ name, category,
 * consent: { given } }` per service; support.usercentrics.com "Communicating consent information to
 * third-party applications"); and v2's `UC_UI` API (`UC_UI.getServicesBaseInfo()`: services with
 * `name`, `categorySlug`, `consent.status`; `UC_UI.isConsentRequired()`), announced by the
 * `UC_UI_INITIALIZED` window event, with `UC_UI_CMP_EVENT` after the visitor acts ("Web CMP v2
 * Events", usercentrics.com/docs/web/features/v2/events_v2).
 *
 * Storage: a service named "Curio" when the shop lists one, else every service of the `functional`
 * category. Analytics: the `marketing` category (where Usercentrics files analytics tools by
 * default). Not given and no explicit choice yet: `pending`.
 */
import type { CmpAdapter, CmpAnswer, CmpPage } from './cmpAnswer.js';
import { whenPresent } from './whenPresent.js';

/** A service's consent, from either version. */
export interface ServiceConsent {
  name: string;
  category: string;
  given: boolean;
}

/** Whether every service Curio depends on is given: the "Curio" service, else a whole category. */
const given = (services: ServiceConsent[], category: string, name?: string): boolean => {
  const named = name ? services.filter((s) => s.name.toLowerCase() === name) : [];
  const relevant = named.length ? named : services.filter((s) => s.category === category);
  return relevant.length > 0 && relevant.every((s) => s.given);
};

/** Curio's answer for the services' consents; `explicit`: the visitor has made a choice. */
export function answerOf(services: ServiceConsent[], explicit: boolean): CmpAnswer {
  const storage = given(services, 'functional', 'curio') ? 'granted' : explicit ? 'denied' : 'pending';
  return { storage, analytics: given(services, 'marketing') };
}

/** v3: the `UC_CONSENT` event's detail. */
const fromV3 = (detail: any): CmpAnswer | undefined => {
  if (!detail?.services || typeof detail.services != 'object') return undefined;
  const services = Object.values(detail.services as Record<string, any>).map((s) => ({ name: String(s?.name ?? ''), category: String(s?.category ?? ''), given: s?.consent?.given === true }));
  return answerOf(services, String(detail.consent?.type).toUpperCase() === 'EXPLICIT');
};

/** v2: the state read through `UC_UI`. */
const fromV2 = (page: CmpPage): CmpAnswer | undefined => {
  const ui = page.UC_UI;
  if (typeof ui?.getServicesBaseInfo != 'function' || (typeof ui.isInitialized == 'function' && !ui.isInitialized())) return undefined;
  const services = (ui.getServicesBaseInfo() as any[]).map((s) => ({ name: String(s?.name ?? ''), category: String(s?.categorySlug ?? ''), given: s?.consent?.status === true }));
  return answerOf(services, typeof ui.isConsentRequired == 'function' ? !ui.isConsentRequired() : true);
};

export const watch: CmpAdapter = (page, answer) => {
  const report = (next: CmpAnswer | undefined) => next && answer(next);
  page.addEventListener('UC_CONSENT', (event) => report(fromV3((event as CustomEvent).detail)));
  // v2 raises its events on `window`, while the UI applies the visitor's choice.
  const v2 = () => setTimeout(() => report(fromV2(page)));
  page.addEventListener('UC_UI_INITIALIZED', v2);
  page.addEventListener('UC_UI_CMP_EVENT', v2);
  report(fromV2(page));
  // v3 loaded before Curio: ask it for the current state.
  whenPresent(page, (p) => (typeof p.__ucCmp?.getConsentDetails == 'function' ? p.__ucCmp : undefined), (cmp) =>
    Promise.resolve(cmp.getConsentDetails()).then((details) => report(fromV3(details)), () => undefined),
  );
};
