/**
 * The languages Curio speaks (reason texts, the widget's UI strings, prices): the one list every
 * package and the build read. English is built in; each other language is a lazy chunk.
 */
export const LOCALES = ['en', 'fr', 'de'] as const;

/** A language Curio speaks. */
export type Locale = (typeof LOCALES)[number];

/** True when `value` names a language Curio speaks. */
export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);
