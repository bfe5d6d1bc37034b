/** What a consent-management platform (CMP) answered, in Curio's terms (docs/privacy.md#consent-from-the-shops-cmp). */
import type { Consent } from '../types.js';

/**
 * One answer of the shop's CMP: may Curio keep data on the device (`storage`: `pending` until the
 * visitor has chosen), and may it push events to the shop's analytics (`analytics`).
 */
export interface CmpAnswer {
  storage: Consent;
  analytics: boolean;
}

/** The page's globals a CMP adapter reads (`window` in a browser). */
export type CmpPage = Record<string, any> & Pick<Window, 'addEventListener'>;

/** Starts following a CMP on `page`: calls `answer` with its current state, if known, and on every change. */
export type CmpAdapter = (page: CmpPage, answer: (answer: CmpAnswer) => void) => void;
