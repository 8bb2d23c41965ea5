package fr.pilotectg.ao;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.pilotectg.shared.ErreurValidation;

/** The one-line edit form of the projection table: "valeur_2026", "precision_2026"… */
final class FormulaireLigneProjection {

    private FormulaireLigneProjection() {
    }

    static void remplir(Map<String, String> valeurs, LigneProjection l) {
        valeurs.put("mode", l.mode().name());
        valeurs.put("libelle", l.libelle());
        valeurs.put("actuel", l.actuel() == null ? null : l.actuel().toPlainString().replace('.', ','));
        valeurs.put("actuelPrecision", l.actuelPrecision());
        l.annees().forEach(a -> {
            valeurs.put("valeur_" + a.annee(), a.valeur() == null ? null : a.valeur().toPlainString().replace('.', ','));
            valeurs.put("precision_" + a.annee(), a.precision());
        });
        valeurs.put("besoinsEmploisCompetences", l.besoinsEmploisCompetences());
        valeurs.put("autresBesoins", l.autresBesoins());
        valeurs.put("projetsType", l.projetsType());
        valeurs.put("projetsCoutCalendrier", l.projetsCoutCalendrier());
        valeurs.put("ingenierie", l.ingenierie());
    }

    static LigneProjection lire(Map<String, String> f, List<Integer> annees) {
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        BigDecimal actuel = nombre(f.get("actuel"), "actuel", "Nombre actuel", erreurs);
        List<LigneProjection.ValeurAnnee> valeurs = new ArrayList<>();
        for (int annee : annees) {
            BigDecimal valeur = nombre(f.get("valeur_" + annee), "valeur_" + annee, "Valeur " + annee, erreurs);
            valeurs.add(new LigneProjection.ValeurAnnee(annee, valeur, f.get("precision_" + annee)));
        }
        String mode = f.get("mode");
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        return new LigneProjection(ValeursDeFormulaire.choix(ModeAccueil.class, mode), f.get("libelle"), actuel,
                f.get("actuelPrecision"), valeurs, f.get("besoinsEmploisCompetences"), f.get("autresBesoins"), f.get("projetsType"),
                f.get("projetsCoutCalendrier"), f.get("ingenierie"));
    }

    /** "lignes[3].annees.2027" → "valeur_2027", the input the message belongs under. */
    static String champ(String champService) {
        String champ = champService.replaceFirst("^lignes\\[\\d+]\\.", "");
        return champ.startsWith("annees.") ? "valeur_" + champ.substring("annees.".length()) : champ;
    }

    private static BigDecimal nombre(String texte, String champ, String libelle, List<ErreurValidation.Erreur> erreurs) {
        if (texte == null || texte.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(texte.replaceAll("[\\s\u00a0\u202f]", "").replace(',', '.'));
        } catch (NumberFormatException e) {
            erreurs.add(new ErreurValidation.Erreur(champ, libelle + " : « " + texte.trim() + " » n'est pas un nombre."));
            return null;
        }
    }
}
