/** The widget's German UI strings: a chunk of their own, loaded only for visitors whose locale is German (see i18n.ts). */

/** One string per line, in the order of i18n.ts's keys. */
export const ui = `Für Sie ausgewählt
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
Ihr Stil
Sie sehen persönliche Vorschläge; der Shop vergleicht sie mit einer kleinen Gruppe, die seine üblichen Vorschläge sieht.
Sie gehören zu einer Vergleichsgruppe: Sie sehen die üblichen Vorschläge des Shops, damit er messen kann, was persönliche Vorschläge ändern.`;
