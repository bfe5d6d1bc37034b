/** The widget's German UI strings: a chunk of their own, loaded only for visitors whose locale is German (see i18n.ts). */
import type { Strings } from './i18n.js';

/** Every UI string in German: the type makes a missing or misspelt key a compile error. */
export const ui: Strings = {
  // the picks
  picks: 'Für Sie ausgewählt',
  updated: 'Vorschläge aktualisiert',
  removed: 'Entfernt. Sie sehen weniger davon.',
  why: 'Warum?',
  close: 'Schließen',
  dismiss: 'Kein Interesse',
  pc: 'Was wir über Sie wissen',
  colon: ': ',
  // the preference center
  intro: 'Nur auf diesem Gerät gespeichert. Entfernen Sie, was Sie möchten.',
  memory: 'Nicht gespeichert: beim Verlassen vergessen.',
  pause: 'Pausieren und löschen, was Curio auf diesem Gerät gespeichert hat',
  resume: 'Fortsetzen: meine Besuche auf diesem Gerät merken',
  interests: 'Ihre Interessen',
  priceRange: 'Übliche Preise',
  recent: 'Zuletzt angesehen',
  prefs: 'Ihre Angaben',
  likes: 'Sie mögen',
  hides: 'Ausgeblendet',
  dismissed: 'Kein Interesse an',
  none: 'Noch nichts.',
  remove: 'Entfernen',
  download: 'Meine Daten herunterladen',
  forget: 'Alles vergessen',
  forgetAsk: 'Alles löschen, was auf diesem Gerät gespeichert ist?',
  cancel: 'Abbrechen',
  strong: 'stark',
  medium: 'mittel',
  light: 'leicht',
  cols: 'Unsere Auswahl für Sie',
  hide: 'Ausblenden',
  // the quiz
  quiz: 'Verraten Sie uns Ihren Geschmack',
  qCategory: 'Wonach suchen Sie?',
  qStyle: 'Ihr Stil',
  qBrand: 'Lieblingsmarken (bis zu 5)',
  qBudget: 'Ihr Budget',
  qSize: 'Ihre Größe',
  next: 'Weiter',
  skip: 'Überspringen',
  back: 'Zurück',
  done: 'Danke! Ihre Vorschläge folgen Ihren Antworten.',
  edit: 'Antworten ändern',
  // curated collections
  seen: 'Angesehen',
};
