/** German reason texts: a chunk of their own, loaded only for visitors whose locale is German (see messages.ts). */
import type { ReasonTemplates } from './messages.js';

/** The reason templates in German. */
export const reasons: ReasonTemplates = {
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
