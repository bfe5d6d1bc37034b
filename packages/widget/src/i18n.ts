/**
 * The widget's own UI strings in en, fr and de. Shop text (titles, reviews) and reason texts
 * come from the catalog and the core, never from here.
 */
import type { Locale } from '@curio/core';

/** The names of the UI strings; each language below has one line per name, in this order. */
const KEYS =
  'picks updated removed why close dismiss pc intro memory pause resume interests priceRange recent prefs likes hides dismissed none remove download forget forgetAsk cancel strong medium light quiz qCategory qBrand qBudget qSize next skip back done edit cols hide seen qStyle';

/** The name of one UI string. */
export type StringKey =
  | 'picks' | 'updated' | 'removed' | 'why' | 'close' | 'dismiss' | 'pc' | 'intro' | 'memory' | 'pause' | 'resume'
  | 'interests' | 'priceRange' | 'recent' | 'prefs' | 'likes' | 'hides' | 'dismissed' | 'none' | 'remove'
  | 'download' | 'forget' | 'forgetAsk' | 'cancel' | 'strong' | 'medium' | 'light'
  | 'quiz' | 'qCategory' | 'qBrand' | 'qBudget' | 'qSize' | 'next' | 'skip' | 'back' | 'done' | 'edit' | 'cols' | 'hide' | 'seen' | 'qStyle';
/** One language's UI strings. */
export type Strings = Record<StringKey, string>;

// One line per string: the three languages are most of the widget's text weight.
const TEXTS: Record<Locale, string> = {
  en: `Picked for you
Picks updated
Removed. You will see fewer like it.
Why this?
Close
Not interested
What we know about you
Stored only on this device. Remove anything you like.
Not saved: forgotten when you leave.
Pause and erase what Curio stored on this device
Resume: remember my visits on this device
Your interests
Usual prices
Recently viewed
What you told us
You like
Hidden
Not interested in
Nothing yet.
Remove
Download my data
Forget everything
Erase everything stored on this device?
Cancel
strong
medium
light
Tell us your taste
What are you shopping for?
Favourite brands (up to 5)
Your budget
Your size
Next
Skip
Back
Thanks! Your picks follow your answers.
Edit answers
Our edits for you
Hide
You looked at
Your style`,
  fr: `Choisis pour vous
Suggestions mises à jour
Retiré. Vous en verrez moins.
Pourquoi ?
Fermer
Pas intéressé
Ce que nous savons de vous
Conservé uniquement sur cet appareil. Supprimez ce que vous voulez.
Non enregistré : oublié à votre départ.
Mettre en pause et effacer ce que Curio a stocké sur cet appareil
Reprendre : mémoriser mes visites sur cet appareil
Vos centres d’intérêt
Prix habituels
Vus récemment
Ce que vous nous avez dit
Vous aimez
Masqué
Pas intéressé par
Rien pour l’instant.
Supprimer
Télécharger mes données
Tout oublier
Effacer tout ce qui est stocké sur cet appareil ?
Annuler
fort
moyen
léger
Parlez-nous de vos goûts
Que cherchez-vous ?
Marques préférées (5 max.)
Votre budget
Votre taille
Suivant
Passer
Retour
Merci ! Vos suggestions suivent vos réponses.
Modifier mes réponses
Nos sélections pour vous
Masquer
Vous avez regardé
Votre style`,
  de: `Für Sie ausgewählt
Vorschläge aktualisiert
Entfernt. Sie sehen weniger davon.
Warum?
Schließen
Kein Interesse
Was wir über Sie wissen
Nur auf diesem Gerät gespeichert. Entfernen Sie, was Sie möchten.
Nicht gespeichert: beim Verlassen vergessen.
Pausieren und löschen, was Curio auf diesem Gerät gespeichert hat
Fortsetzen: meine Besuche auf diesem Gerät merken
Ihre Interessen
Übliche Preise
Zuletzt angesehen
Ihre Angaben
Sie mögen
Ausgeblendet
Kein Interesse an
Noch nichts.
Entfernen
Meine Daten herunterladen
Alles vergessen
Alles löschen, was auf diesem Gerät gespeichert ist?
Abbrechen
stark
mittel
leicht
Verraten Sie uns Ihren Geschmack
Wonach suchen Sie?
Lieblingsmarken (bis zu 5)
Ihr Budget
Ihre Größe
Weiter
Überspringen
Zurück
Danke! Ihre Vorschläge folgen Ihren Antworten.
Antworten ändern
Unsere Auswahl für Sie
Ausblenden
Angesehen
Ihr Stil`,
};

const cache: Partial<Record<Locale, Strings>> = {};

/** The UI strings for a locale (English when unknown). */
export const stringsFor = (locale: Locale): Strings => {
  const lines = (TEXTS[locale] || TEXTS.en).split('\n');
  return (cache[locale] ||= Object.fromEntries(KEYS.split(' ').map((key, i) => [key, lines[i]])) as Strings);
};
