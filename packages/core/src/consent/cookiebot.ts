/**
 * Cookiebot adapter (`consentFrom: 'cookiebot'`). Modelled on the Cookiebot Developer Resources
 * (cookiebot.com/en/developer): the `Cookiebot` object's read-only `consent.preferences` /
 * `consent.statistics` and `hasResponse` properties, and the window events `CookiebotOnConsentReady`,
 * `CookiebotOnAccept` and `CookiebotOnDecline` (also raised when a stored choice is loaded).
 *
 * Storage: the `preferences` category. Analytics: `statistics`. No response yet: `pending`.
 */
import type { CmpAdapter, CmpAnswer } from './cmpAnswer.js';

/** The parts of the `Cookiebot` object Curio reads. */
interface Cookiebot {
  hasResponse?: boolean;
  consent?: { preferences?: boolean; statistics?: boolean };
}

/** Curio's answer for the state of the `Cookiebot` object. */
export function answerOf(cookiebot: Cookiebot): CmpAnswer {
  const consent = cookiebot.consent ?? {};
  return { storage: consent.preferences ? 'granted' : cookiebot.hasResponse ? 'denied' : 'pending', analytics: consent.statistics === true };
}

export const watch: CmpAdapter = (page, answer) => {
  const report = () => page.Cookiebot && answer(answerOf(page.Cookiebot));
  for (const name of ['CookiebotOnConsentReady', 'CookiebotOnAccept', 'CookiebotOnDecline']) page.addEventListener(name, report);
  report();
};
