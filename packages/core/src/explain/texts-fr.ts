/** French reason texts: a chunk of their own, loaded only for visitors whose locale is French (see messages.ts). */
import type { ReasonTemplates } from './messages.js';

/** The reason templates in French. */
export const reasons: ReasonTemplates = {
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
