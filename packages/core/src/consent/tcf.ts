/**
 * IAB TCF v2.2 adapter (`consentFrom: 'tcf'`). Modelled on the IAB Tech Lab "Consent Management
 * Platform API" v2.2 specification (TCFv2/IAB Tech Lab - CMP API v2.md, GDPR-Transparency-and-
 * Consent-Framework on GitHub): the `__tcfapi('addEventListener', 2, callback)` command, whose
 * callback receives a TCData object on load (`eventStatus: 'tcloaded'`), when the CMP shows its UI
 * (`'cmpuishown'`) and after every choice (`'useractioncomplete'`); `getTCData` is deprecated in 2.2.
 *
 * Curio runs as the publisher's own script, not as a vendor of the Global Vendor List: it reads the
 * publisher's consents (`publisher.consents`, the "publisher TC" segment) when the CMP records them,
 * else the purpose consents (`purpose.consents`). Publisher restrictions (`publisher.restrictions`)
 * restrict vendors, so by the spec they do not apply to the publisher's own processing.
 *
 * Storage: purpose 1 (store and/or access information on a device) and purposes 5 and 6 (create a
 * profile for, and use it to select, personalised content). Analytics: purposes 1 and 8 (measure
 * content performance). `gdprApplies: false`: granted.
 */
import type { CmpAdapter, CmpAnswer } from './cmpAnswer.js';
import { whenPresent } from './whenPresent.js';

/** The parts of TCData Curio reads. */
interface TCData {
  gdprApplies?: boolean;
  eventStatus?: 'tcloaded' | 'cmpuishown' | 'useractioncomplete';
  purpose?: { consents?: Record<string, boolean> };
  publisher?: { consents?: Record<string, boolean> };
}

const STORAGE_PURPOSES = [1, 5, 6];
const ANALYTICS_PURPOSES = [1, 8];

/** Curio's answer for one TCData (undefined while the CMP's UI waits for the visitor's first choice). */
export function answerOf(data: TCData, answered: boolean): CmpAnswer | undefined {
  if (data.gdprApplies === false) return { storage: 'granted', analytics: true };
  // Shown again to a visitor who chose before: the earlier choice holds until the new one.
  if (data.eventStatus === 'cmpuishown') return answered ? undefined : { storage: 'pending', analytics: false };
  const publisher = data.publisher?.consents ?? {};
  const consents = Object.keys(publisher).length ? publisher : (data.purpose?.consents ?? {});
  const all = (purposes: number[]) => purposes.every((p) => consents[p] === true);
  return { storage: all(STORAGE_PURPOSES) ? 'granted' : 'denied', analytics: all(ANALYTICS_PURPOSES) };
}

/**
 * Listens through `__tcfapi`: the CMP's stub (which queues calls until the CMP has loaded) when
 * the page has it, else the CMP as soon as it appears.
 */
export const watch: CmpAdapter = (page, answer) => {
  let answered = false;
  whenPresent(page, (p) => (typeof p.__tcfapi == 'function' ? p.__tcfapi : undefined), (tcfapi) =>
    tcfapi('addEventListener', 2, (data: TCData | undefined, success: boolean) => {
      const next = success && data ? answerOf(data, answered) : undefined;
      if (!next) return;
      answered ||= next.storage !== 'pending';
      answer(next);
    }),
  );
};
