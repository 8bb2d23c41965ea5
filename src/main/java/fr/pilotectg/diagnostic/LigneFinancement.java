package fr.pilotectg.diagnostic;

/** Caf financing of one sector for one year: amount in euros and weight in %, either may be a marker ("NS"). */
public record LigneFinancement(Long id, String secteur, String categorie, int annee, Valeur montant, Valeur poids) {
}
