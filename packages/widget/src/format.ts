/** Locale-aware formatting of shop values for display. */
import type { Locale } from '@curio/core';
import type { Strings } from './i18n.js';

/** A price in the product's currency, formatted for the visitor's locale. Falls back to the bare number for an unknown currency code. */
export function formatPrice(value: number, currency: string, locale: Locale): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value);
  } catch {
    return `${value} ${currency}`;
  }
}

/** An interest strength (0..1) in words, so it is not conveyed by a bar alone. */
export const strengthWord = (strength: number, t: Strings): string =>
  strength >= 0.66 ? t.strong : strength >= 0.33 ? t.medium : t.light;
