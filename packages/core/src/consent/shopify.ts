/**
 * Shopify Customer Privacy API adapter (`consentFrom: 'shopify'`). Modelled on Shopify's "Customer
 * Privacy API" documentation (shopify.dev/docs/api/customer-privacy): loaded with
 * `Shopify.loadFeatures([{ name: 'consent-tracking-api', version: '0.1' }], callback)`, then
 * `Shopify.customerPrivacy.preferencesProcessingAllowed()`, `analyticsProcessingAllowed()`,
 * `shouldShowBanner()` and `currentVisitorConsent()` (`preferences: 'yes' | 'no' | ''`), and the
 * `visitorConsentCollected` document event (`detail: { preferencesAllowed, analyticsAllowed, … }`)
 * after the visitor chooses. The "Allowed" methods combine the merchant's settings, the visitor's
 * region and their choice.
 *
 * Storage: the `preferences` purpose ("storing visitor preferences for their shopping
 * experience"). Analytics: `analytics`. Not allowed and the banner still waiting for a choice: `pending`.
 */
import type { CmpAdapter, CmpAnswer, CmpPage } from './cmpAnswer.js';
import { whenPresent } from './whenPresent.js';

/** The parts of `Shopify.customerPrivacy` Curio reads. */
interface CustomerPrivacy {
  preferencesProcessingAllowed(): boolean;
  analyticsProcessingAllowed(): boolean;
  shouldShowBanner?(): boolean;
  currentVisitorConsent?(): { preferences?: string };
}

/** Curio's answer for the Customer Privacy API's state. */
export function answerOf(privacy: CustomerPrivacy): CmpAnswer {
  const undecided = privacy.shouldShowBanner?.() === true && !privacy.currentVisitorConsent?.()?.preferences;
  return { storage: privacy.preferencesProcessingAllowed() ? 'granted' : undecided ? 'pending' : 'denied', analytics: privacy.analyticsProcessingAllowed() };
}

const api = (page: CmpPage): CustomerPrivacy | undefined => page.Shopify?.customerPrivacy;

export const watch: CmpAdapter = (page, answer) => {
  const doc = page.document as Document | undefined;
  doc?.addEventListener('visitorConsentCollected', (event) => {
    const detail = (event as CustomEvent).detail ?? {};
    answer({ storage: detail.preferencesAllowed ? 'granted' : 'denied', analytics: detail.analyticsAllowed === true });
  });
  const report = () => {
    const privacy = api(page);
    if (privacy) answer(answerOf(privacy));
  };
  whenPresent(page, (p) => p.Shopify?.customerPrivacy ?? (typeof p.Shopify?.loadFeatures == 'function' ? p.Shopify : undefined), (found) => {
    if (found === api(page)) return report();
    found.loadFeatures([{ name: 'consent-tracking-api', version: '0.1' }], (error: unknown) => error || report());
  });
};
