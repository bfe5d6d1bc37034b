/**
 * Localized reason texts. `{name}` placeholders are filled with evidence, as plain text. English
 * is built in; French and German are lazy chunks (texts-fr.ts, texts-de.ts), so a page pays only
 * for its visitor's language.
 */
import { warnOnce } from '../errors.js';
import type { Locale, ReasonCode } from '../types.js';

/** One language's reason texts: a template per reason code. */
export type ReasonTemplates = Record<ReasonCode, string>;

const en: ReasonTemplates = {
  viewed_similar: 'Because you looked at the {item}',
  bought_together: 'Often bought together with the {item}',
  recently_viewed: 'You looked at this recently',
  in_category: 'More in {category}',
  category_affinity: "Because you've been browsing {category}",
  brand_affinity: "You've shown interest in {brand}",
  attribute_affinity: 'Matches your taste: {name} {value}',
  price_range: 'In your usual price range',
  matches_preference: 'Matches your preference: {value}',
  matches_search: 'Matches your search “{query}”',
  new_for_you: 'New for you in {category}: shoppers who viewed the {item} also viewed this',
  popular: 'Popular with shoppers right now',
  top_rated: 'Rated {rating} by {count} buyers',
  review_quote: 'Rated {rating} by {count} buyers: “{quote}”',
  merchant_pick: 'Recommended by the shop',
  from_collection: 'From our {collection} edit: you looked at the {item}',
};

/** The English templates: one per reason code (so they also list every code). */
export { en as englishReasonTemplates };

const loaders: Record<Exclude<Locale, 'en'>, () => Promise<{ reasons: ReasonTemplates }>> = {
  fr: () => import('./texts-fr.js'),
  de: () => import('./texts-de.js'),
};
const templates: Partial<Record<Locale, ReasonTemplates>> = { en };

/** Makes `locale`'s texts available to {@link reasonText} without loading a chunk (Node-side rankers). */
export const addReasonTexts = (locale: Locale, texts: ReasonTemplates): void => void (templates[locale] = texts);

/**
 * Loads the reason texts of `locale` once. If they cannot be loaded (e.g. a script-tag page whose
 * server lacks the locale file), warns and leaves English in place: it never rejects.
 */
export async function loadReasonTexts(locale: Locale): Promise<void> {
  if (templates[locale]) return;
  try {
    addReasonTexts(locale, (await loaders[locale as 'fr']()).reasons);
  } catch (e) {
    warnOnce(`texts:${locale}`, `Reason texts for "${locale}" could not be loaded, using English: ${String(e)}`);
  }
}

/** The reason text for `code` in `locale` (English until {@link loadReasonTexts} has loaded it), with placeholders filled. */
export function reasonText(locale: Locale, code: ReasonCode, values: Record<string, string | undefined>): string {
  return (templates[locale] ?? en)[code].replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
}
