/** Facts read from the browser on demand (never at import time: SSR-safe). */
import { isLocale, type Locale } from '../locales.js';

/** True when the browser sends Global Privacy Control. */
export function globalPrivacyControl(): boolean {
  return (globalThis.navigator as (Navigator & { globalPrivacyControl?: boolean }) | undefined)?.globalPrivacyControl === true;
}

/** The visitor's language if Curio speaks it, else English. */
export function browserLocale(): Locale {
  const lang = globalThis.navigator?.language?.slice(0, 2).toLowerCase();
  return isLocale(lang) ? lang : 'en';
}
