/**
 * OneTrust adapter (`consentFrom: 'onetrust'`). Modelled on OneTrust's developer documentation:
 * the "Web CMP Events Guide" (developer.onetrust.com/onetrust/docs/javascript-events-guide: the
 * `OneTrustGroupsUpdated` window event, raised when the script loads and on every change, its
 * `detail` the active group ids), the `OptanonWrapper` callback that the OneTrust script calls on
 * load and after each choice, the `OnetrustActiveGroups` data-layer string (",C0001,C0003,"), and
 * `OneTrust.IsAlertBoxClosed()` (has the visitor answered the banner).
 *
 * Storage: group `C0003` (Functional cookies, "enhanced functionality and personalisation" in
 * OneTrust's default categories). Analytics: `C0002` (Performance cookies). Group absent and the
 * banner not yet answered: `pending`.
 */
import type { CmpAdapter, CmpAnswer, CmpPage } from './cmpAnswer.js';

const STORAGE_GROUP = 'C0003';
const ANALYTICS_GROUP = 'C0002';

/** Curio's answer for the active groups; `answered`: the visitor closed the banner. */
export function answerOf(groups: readonly string[], answered: boolean): CmpAnswer {
  const storage = groups.includes(STORAGE_GROUP) ? 'granted' : answered ? 'denied' : 'pending';
  return { storage, analytics: groups.includes(ANALYTICS_GROUP) };
}

const activeGroups = (page: CmpPage): string[] | undefined =>
  typeof page.OnetrustActiveGroups == 'string' ? page.OnetrustActiveGroups.split(',').filter(Boolean) : undefined;
const bannerClosed = (page: CmpPage): boolean => {
  try {
    return page.OneTrust?.IsAlertBoxClosed?.() === true;
  } catch {
    return false;
  }
};

export const watch: CmpAdapter = (page, answer) => {
  const report = (groups = activeGroups(page)) => groups && answer(answerOf(groups, bannerClosed(page)));
  page.addEventListener('OneTrustGroupsUpdated', (event) => {
    const detail = (event as CustomEvent<unknown>).detail;
    report(Array.isArray(detail) ? detail.map(String) : undefined);
  });
  // The shop's own OptanonWrapper keeps running, before ours.
  const shops = page.OptanonWrapper;
  page.OptanonWrapper = function (this: unknown, ...args: unknown[]) {
    try {
      if (typeof shops == 'function') shops.apply(this, args);
    } finally {
      report();
    }
  };
  if (page.OneTrust) report();
};
