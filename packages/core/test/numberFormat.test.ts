// Numbers and prices without Intl must read exactly as Intl.NumberFormat writes them (Node's full
// ICU is the reference): any value, in every locale and every currency with its own signs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber, formatPrice } from '../src/numberFormat.js';
import type { Locale } from '../src/types.js';

const LOCALES: Locale[] = ['en', 'fr', 'de'];
const CURRENCIES = ['EUR', 'USD', 'GBP', 'JPY', 'CHF', 'SEK', 'DKK', 'NOK', 'PLN', 'CZK'];

/** Prices as shops write them (cents, ties such as 1.005 and 2.5), and any double below a trillion. */
const amounts = fc.oneof(
  fc.integer({ min: -1e7, max: 1e9 }).map((cents) => cents / 100),
  fc.integer({ min: 0, max: 1e6 }).map((n) => n / 1000),
  fc.integer({ min: 0, max: 1e6 }).map((n) => n + 0.5),
  fc.double({ min: -999e9, max: 999e9, noNaN: true }),
  fc.constantFrom(0, -0, 1.005, 2.675, 999.995, 1e-7, 0.05, 1234567.5),
);

describe('formatNumber / formatPrice', () => {
  it('write numbers as Intl does, up to one decimal (ratings, counts)', () => {
    fc.assert(
      fc.property(amounts, fc.constantFrom(...LOCALES), (value, locale) => {
        expect(formatNumber(value, locale)).toBe(new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value));
      }),
      { numRuns: 3000 },
    );
  });

  it('write prices as Intl does, with cents or in whole units', () => {
    fc.assert(
      fc.property(amounts, fc.constantFrom(...LOCALES), fc.constantFrom(...CURRENCIES), fc.boolean(), (value, locale, currency, whole) => {
        const intl = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: whole ? 0 : undefined });
        expect(formatPrice(value, currency, locale, whole)).toBe(intl.format(value));
      }),
      { numRuns: 5000 },
    );
  });

  it('uses Intl for other currencies, and the bare number for codes that are none', () => {
    const { NumberFormat } = Intl;
    Intl.NumberFormat = (() => expect.unreachable('Intl.NumberFormat made for euros')) as never;
    expect(formatPrice(12, 'EUR', 'fr')).toBe('12,00\u00a0€');
    Intl.NumberFormat = NumberFormat;
    expect(formatPrice(1234.5, 'CAD', 'fr')).toBe(new Intl.NumberFormat('fr', { style: 'currency', currency: 'CAD' }).format(1234.5));
    expect(formatPrice(12.5, 'not a code', 'en')).toBe('12.5 not a code');
  });
});
