/**
 * Numbers and prices written the way `Intl.NumberFormat` writes them in en, fr and de, without
 * `Intl`: a page's first `Intl.NumberFormat` loads the browser's locale data, a 20–60 ms task
 * (90–140 ms on a mid-range phone). Currencies outside {@link SIGNS} still go through `Intl`.
 */
import type { Locale } from './locales.js';

/** Group and decimal separators per locale ("1,234.5", "1 234,5", "1.234,5"; the French group is a narrow no-break space). */
const SEPARATORS: Record<Locale, [group: string, decimal: string]> = { en: [',', '.'], fr: ['\u202f', ','], de: ['.', ','] };

/**
 * Currency signs by ISO code, then by locale, as CLDR has them; a locale left out writes the ISO code itself.
 * Where a sign goes is decided in {@link formatPrice}: after the amount in fr and de ("12,00 €"),
 * before it in en ("€12.00").
 * Every currency here has two decimals except the yen.
 */
const SIGNS: Record<string, Partial<Record<Locale, string>>> = {
  EUR: { en: '€', fr: '€', de: '€' },
  USD: { en: '$', fr: '$US', de: '$' },
  GBP: { en: '£', fr: '£GB', de: '£' },
  JPY: { en: '¥', de: '¥' },
  CHF: {},
  SEK: {},
  DKK: {},
  NOK: {},
  PLN: {},
  CZK: {},
};

/** `Intl` formats of the other currencies (undefined: not a currency code). */
const formats = new Map<string, Intl.NumberFormat | undefined>();

/**
 * `value` in the visitor's locale with at most `digits` decimals (`pad`: exactly `digits`),
 * rounded half away from zero on the number as written, as `Intl` rounds (1.005 → 1.01, where
 * `toFixed` gives 1.00). Exact below a trillion (`digits` decimals of larger doubles are noise).
 */
export function formatNumber(value: number, locale: Locale, digits = 1, pad = false): string {
  // Below 1e-6 `String()` switches to exponents ("5e-7e2" is no number): such values round to 0.
  const rounded = Math.abs(value) < 1e-6 ? 0 : Math.round(Number(`${Math.abs(value)}e${digits}`)) / 10 ** digits;
  const [int, fraction] = rounded.toFixed(digits).split('.') as [string, string?];
  const [group, decimal] = SEPARATORS[locale] ?? SEPARATORS.en;
  const decimals = pad ? fraction : fraction?.replace(/0+$/, '');
  return `${value < 0 || Object.is(value, -0) ? '-' : ''}${int.replace(/\B(?=(\d{3})+$)/g, group)}${decimals ? decimal + decimals : ''}`;
}

/**
 * A price in `currency` (ISO 4217) for the visitor's locale, as `Intl.NumberFormat` with
 * `style: 'currency'` writes it; `whole` rounds to whole units. An unknown code gives
 * `"12.5 XYZ"`.
 */
export function formatPrice(value: number, currency: string, locale: Locale, whole?: boolean): string {
  const signs = SIGNS[currency];
  if (signs == undefined) {
    const key = locale + currency + whole;
    if (!formats.has(key)) {
      try {
        formats.set(key, new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: whole ? 0 : undefined }));
      } catch {
        formats.set(key, undefined);
      }
    }
    return formats.get(key)?.format(value) ?? `${value} ${currency}`;
  }
  const amount = formatNumber(value, locale, whole || currency == 'JPY' ? 0 : 2, true);
  const sign = signs[locale] ?? currency;
  if (locale != 'en') return `${amount}\u00a0${sign}`;
  // English puts the minus first, then the sign: "-€5.00", "-CHF 5.00".
  const minus = amount[0] == '-' ? '-' : '';
  return `${minus}${sign}${sign == currency ? '\u00a0' : ''}${amount.slice(minus.length)}`;
}
