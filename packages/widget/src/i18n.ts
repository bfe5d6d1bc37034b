/**
 * The widget's own UI strings in en, fr and de. English is built in for the picks, and each lazy
 * view (preference center, quiz, collections) brings its own English strings; French and German
 * are lazy chunks (texts-fr.ts, texts-de.ts) with every string, so a page pays only for its
 * visitor's language and views. Shop text (titles, reviews) and reason texts come from the
 * catalog and the core, never from here.
 */
import type { Locale } from '@curio/core';
import { warn } from './util.js';

/** The names of the UI strings; each language below has one line per name, in this order. */
const KEYS =
  'picks updated removed why close dismiss pc intro memory pause resume interests priceRange recent prefs likes hides dismissed none remove download forget forgetAsk cancel strong medium light quiz qCategory qBrand qBudget qSize next skip back done edit cols hide seen qStyle armCurio armControl';

/** The name of one UI string. */
export type StringKey =
  | 'picks' | 'updated' | 'removed' | 'why' | 'close' | 'dismiss' | 'pc' | 'intro' | 'memory' | 'pause' | 'resume'
  | 'interests' | 'priceRange' | 'recent' | 'prefs' | 'likes' | 'hides' | 'dismissed' | 'none' | 'remove'
  | 'download' | 'forget' | 'forgetAsk' | 'cancel' | 'strong' | 'medium' | 'light'
  | 'quiz' | 'qCategory' | 'qBrand' | 'qBudget' | 'qSize' | 'next' | 'skip' | 'back' | 'done' | 'edit' | 'cols' | 'hide' | 'seen' | 'qStyle'
  | 'armCurio' | 'armControl';
/** One language's UI strings. */
export type Strings = Record<StringKey, string>;

// One line per string, in the order of KEYS; English only up to the picks' last one (`pc`).
const TEXTS: Partial<Record<Locale, string>> = {
  en: `Picked for you
Picks updated
Removed. You will see fewer like it.
Why this?
Close
Not interested
What we know about you`,
};

const loaders: Record<Exclude<Locale, 'en'>, () => Promise<{ ui: string }>> = {
  fr: () => import('./texts-fr.js'),
  de: () => import('./texts-de.js'),
};

/**
 * Loads the UI strings of `locale`: undefined when they are at hand already, else a promise that
 * settles once loaded (English stays in place, with a warning, if they cannot be loaded).
 */
export function loadStrings(locale: Locale): Promise<void> | undefined {
  if (TEXTS[locale]) return;
  return loaders[locale as 'fr']().then(
    (texts) => void (TEXTS[locale] = texts.ui),
    (e) => warn(`UI strings for "${locale}" could not be loaded, using English (${String(e)})`),
  );
}

const cache: Partial<Record<Locale, Strings>> = {};

/**
 * The UI strings for a locale (English when unknown or not loaded). `english`: a lazy view's own
 * English strings, used when the strings are English.
 */
export const stringsFor = (locale: Locale, english?: Partial<Strings>): Strings => {
  const text = TEXTS[locale];
  if (!text) return stringsFor('en', english);
  const lines = text.split('\n');
  const strings = (cache[locale] ||= Object.fromEntries(KEYS.split(' ').map((key, i) => [key, lines[i]])) as Strings);
  return locale == 'en' ? { ...strings, ...english } : strings;
};
