/** The widget's French UI strings: a chunk of their own, loaded only for visitors whose locale is French (see i18n.ts). */
import type { Strings } from './i18n.js';

/**
 * Every UI string in French: the type makes a missing or misspelt key a compile error. French
 * typography: a no-break space before `:` and a narrow one before `?` and `!`.
 */
export const ui: Strings = {
  // the picks
  picks: 'Choisis pour vous',
  updated: 'Suggestions mises à jour',
  removed: 'Retiré. Vous en verrez moins.',
  why: 'Pourquoi\u202f?',
  close: 'Fermer',
  dismiss: 'Pas intéressé',
  pc: 'Ce que nous savons de vous',
  colon: '\u00a0: ',
  // the preference center
  intro: 'Conservé uniquement sur cet appareil. Supprimez ce que vous voulez.',
  memory: 'Non enregistré\u00a0: oublié à votre départ.',
  pause: 'Mettre en pause et effacer ce que Curio a stocké sur cet appareil',
  resume: 'Reprendre\u00a0: mémoriser mes visites sur cet appareil',
  interests: 'Vos centres d’intérêt',
  priceRange: 'Prix habituels',
  recent: 'Vus récemment',
  prefs: 'Ce que vous nous avez dit',
  likes: 'Vous aimez',
  hides: 'Masqué',
  dismissed: 'Pas intéressé par',
  none: 'Rien pour l’instant.',
  remove: 'Supprimer',
  download: 'Télécharger mes données',
  forget: 'Tout oublier',
  forgetAsk: 'Effacer tout ce qui est stocké sur cet appareil\u202f?',
  cancel: 'Annuler',
  strong: 'fort',
  medium: 'moyen',
  light: 'léger',
  cols: 'Nos sélections pour vous',
  hide: 'Masquer',
  // the quiz
  quiz: 'Parlez-nous de vos goûts',
  qCategory: 'Que cherchez-vous\u202f?',
  qStyle: 'Votre style',
  qBrand: 'Marques préférées (5 max.)',
  qBudget: 'Votre budget',
  qSize: 'Votre taille',
  next: 'Suivant',
  skip: 'Passer',
  back: 'Retour',
  done: 'Merci\u202f! Vos suggestions suivent vos réponses.',
  edit: 'Modifier mes réponses',
  // curated collections
  seen: 'Vous avez regardé',
};
