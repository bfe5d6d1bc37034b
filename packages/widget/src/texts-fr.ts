/** The widget's French UI strings: a chunk of their own, loaded only for visitors whose locale is French (see i18n.ts). */

/** One string per line, in the order of i18n.ts's keys. */
export const ui = `Choisis pour vous
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
Votre style
Vous voyez des suggestions personnelles ; la boutique les compare avec un petit groupe qui voit ses suggestions habituelles.
Vous faites partie d'un groupe de comparaison : vous voyez les suggestions habituelles de la boutique, pour qu'elle mesure ce que changent les suggestions personnelles.`;
