/**
 * The widget's own UI strings in en, fr and de, as typed tables: every language has every key,
 * checked by the compiler. English is built in for the picks, and each lazy view (preference
 * center, quiz, collections) brings its own English strings; French and German are lazy chunks
 * (texts-fr.ts, texts-de.ts) with every string, so a page pays only for its visitor's language and
 * views. Shop text (titles, reviews) and reason texts come from the catalog and the core, never
 * from here.
 */
import type { Locale } from '@curio/core';
import { warn } from './util.js';

/** The picks' strings (and `colon`, the label separator every view uses). */
export type PicksKey = 'picks' | 'updated' | 'removed' | 'why' | 'close' | 'dismiss' | 'pc' | 'colon';
/** The preference center's strings. */
export type PreferencesKey =
  | 'intro' | 'memory' | 'pause' | 'resume' | 'interests' | 'priceRange' | 'recent' | 'prefs' | 'likes' | 'hides' | 'dismissed'
  | 'none' | 'remove' | 'download' | 'forget' | 'forgetAsk' | 'cancel' | 'strong' | 'medium' | 'light' | 'cols' | 'hide'
  | 'lCategory' | 'lBrand' | 'eViewed' | 'eCarted' | 'eBought' | 'armCurio' | 'armControl';
/** The quiz's strings. */
export type QuizKey = 'quiz' | 'qCategory' | 'qStyle' | 'qBrand' | 'qBudget' | 'qSize' | 'next' | 'skip' | 'back' | 'done' | 'edit';
/** The curated collections' strings. */
export type CollectionsKey = 'cols' | 'seen';
/** The name of one UI string. */
export type StringKey = PicksKey | PreferencesKey | QuizKey | CollectionsKey;
/** One language's UI strings. */
export type Strings = Record<StringKey, string>;

/** The picks' English strings; the lazy views add theirs (see {@link stringsFor}). */
const PICKS_ENGLISH: Record<PicksKey, string> = {
  picks: 'Picked for you',
  updated: 'Picks updated',
  removed: 'Removed. You will see fewer like it.',
  why: 'Why this?',
  close: 'Close',
  dismiss: 'Not interested',
  pc: 'What we know about you',
  colon: ': ',
};

/** Strings at hand per language (English: the picks' own; another language: all of them, once loaded). */
const TEXTS: Partial<Record<Locale, Partial<Strings>>> = { en: PICKS_ENGLISH };

const loaders: Record<Exclude<Locale, 'en'>, () => Promise<{ ui: Strings }>> = {
  fr: () => import('./texts-fr.js'),
  de: () => import('./texts-de.js'),
};

/**
 * Loads the UI strings of `locale`: undefined when they are at hand already, else a promise that
 * settles once loaded (English stays in place, with a warning, if they cannot be loaded).
 */
export function loadStrings(locale: Locale): Promise<void> | undefined {
  if (TEXTS[locale]) return;
  return loaders[locale as Exclude<Locale, 'en'>]().then(
    (texts) => void (TEXTS[locale] = texts.ui),
    (error) => warn(`UI strings for "${locale}" could not be loaded, using English (${String(error)})`),
  );
}

/**
 * The UI strings for a locale (English when unknown or not loaded). `english`: a lazy view's own
 * English strings, used when the strings are English.
 */
export const stringsFor = (locale: Locale, english?: Partial<Strings>): Strings => {
  const strings = TEXTS[locale];
  if (!strings) return stringsFor('en', english);
  return (locale == 'en' ? { ...strings, ...english } : strings) as Strings;
};
