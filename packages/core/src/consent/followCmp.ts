/** `consentFrom`: which CMP decides consent, and loading its adapter (a lazy chunk each). */
import type { CmpAdapter, CmpAnswer } from './cmpAnswer.js';

/** The consent-management platforms Curio can follow (docs/privacy.md#consent-from-the-shops-cmp). */
export type ConsentSource = 'tcf' | 'gcm' | 'onetrust' | 'cookiebot' | 'usercentrics' | 'shopify';

// One chunk per CMP, loaded only by shops that name it: a page downloads one adapter, never six.
const ADAPTERS: Record<ConsentSource, () => Promise<{ watch: CmpAdapter }>> = {
  tcf: () => import('./tcf.js'),
  gcm: () => import('./gcm.js'),
  onetrust: () => import('./onetrust.js'),
  cookiebot: () => import('./cookiebot.js'),
  usercentrics: () => import('./usercentrics.js'),
  shopify: () => import('./shopify.js'),
};

/** The names `consentFrom` accepts (a literal list: `Object.keys(ADAPTERS)` would keep the adapters' loaders in every chunk that shares this module). */
export const CONSENT_SOURCES: readonly ConsentSource[] = ['tcf', 'gcm', 'onetrust', 'cookiebot', 'usercentrics', 'shopify'];

/** Loads the adapter of `source` and follows the CMP on the page; rejects if the chunk cannot load. */
export const followCmp = (source: ConsentSource, answer: (answer: CmpAnswer) => void): Promise<void> =>
  ADAPTERS[source]().then((adapter) => adapter.watch(globalThis as never, answer));
