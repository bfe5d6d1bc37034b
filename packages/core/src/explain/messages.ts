/** Localized reason texts. `{name}` placeholders are filled with evidence, as plain text. */
import type { Locale, ReasonCode } from '../types.js';

type Templates = Record<ReasonCode, string>;

const en: Templates = {
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

const fr: Templates = {
  viewed_similar: 'Parce que vous avez regardé « {item} »',
  bought_together: 'Souvent acheté avec « {item} »',
  recently_viewed: 'Vous avez regardé cet article récemment',
  in_category: 'Plus dans {category}',
  category_affinity: 'Parce que vous parcourez {category}',
  brand_affinity: 'Vous vous intéressez à {brand}',
  attribute_affinity: 'Correspond à vos goûts : {name} {value}',
  price_range: 'Dans votre gamme de prix habituelle',
  matches_preference: 'Correspond à votre préférence : {value}',
  matches_search: 'Correspond à votre recherche « {query} »',
  new_for_you: 'Nouveau pour vous, {category} : les clients qui ont regardé « {item} » ont aussi regardé ceci',
  popular: 'Populaire en ce moment',
  top_rated: 'Noté {rating} par {count} acheteurs',
  review_quote: 'Noté {rating} par {count} acheteurs : « {quote} »',
  merchant_pick: 'Recommandé par la boutique',
  from_collection: 'De notre sélection {collection} : vous avez regardé « {item} »',
};

const de: Templates = {
  viewed_similar: 'Weil Sie sich „{item}“ angesehen haben',
  bought_together: 'Wird oft zusammen mit „{item}“ gekauft',
  recently_viewed: 'Sie haben sich das kürzlich angesehen',
  in_category: 'Mehr aus {category}',
  category_affinity: 'Weil Sie sich {category} angesehen haben',
  brand_affinity: 'Sie interessieren sich für {brand}',
  attribute_affinity: 'Passt zu Ihrem Geschmack: {name} {value}',
  price_range: 'In Ihrer üblichen Preisklasse',
  matches_preference: 'Entspricht Ihrer Vorliebe: {value}',
  matches_search: 'Passt zu Ihrer Suche „{query}“',
  new_for_you: 'Neu für Sie in {category}: Wer sich „{item}“ angesehen hat, sah sich auch das an',
  popular: 'Gerade beliebt',
  top_rated: 'Mit {rating} von {count} Käufern bewertet',
  review_quote: 'Mit {rating} von {count} Käufern bewertet: „{quote}“',
  merchant_pick: 'Vom Shop empfohlen',
  from_collection: 'Aus unserer Auswahl {collection}: Sie haben sich „{item}“ angesehen',
};

const templates: Record<Locale, Templates> = { en, fr, de };

/** The reason text for `code` in `locale`, with placeholders filled. */
export function reasonText(locale: Locale, code: ReasonCode, values: Record<string, string>): string {
  return templates[locale][code].replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
}
