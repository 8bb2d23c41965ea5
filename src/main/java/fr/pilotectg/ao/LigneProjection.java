package fr.pilotectg.ao;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One mode d'accueil in the projection table of an AO: current places (or ETP for a RPE), the figure
 * planned for each year, needs and investment projects. A figure may come with the words the document
 * printed next to it ("8 MAM pour 25 AMA").
 */
public record LigneProjection(ModeAccueil mode, String libelle, BigDecimal actuel, String actuelPrecision,
                              List<ValeurAnnee> annees, String besoinsEmploisCompetences, String autresBesoins,
                              String projetsType, String projetsCoutCalendrier, String ingenierie) {

    public record ValeurAnnee(Integer annee, BigDecimal valeur, String precision) {

        /** "3", "2,5", with the printed words after the figure. */
        public String texte() {
            return LigneProjection.texte(valeur, precision);
        }
    }

    public LigneProjection {
        annees = annees == null ? List.of() : List.copyOf(annees);
    }

    /** The label shown: the free label of an "Autre" row, else the mode's. */
    public String intitule() {
        return libelle != null && !libelle.isBlank() ? libelle : mode == null ? "" : mode.libelle();
    }

    /** One line as the journal keeps it: every figure and text, so that any change of the line shows. */
    public String resume(List<Integer> anneesDeLaConvention) {
        StringBuilder resume = new StringBuilder(intitule()).append(" : actuel ").append(actuelTexte());
        anneesDeLaConvention.forEach(a -> resume.append(", ").append(a).append(" ").append(texteAnnee(a)));
        for (String texte : new String[] {besoinsEmploisCompetences, autresBesoins, projetsType, projetsCoutCalendrier, ingenierie}) {
            if (texte != null && !texte.isBlank()) {
                resume.append(" ; ").append(texte);
            }
        }
        return resume.toString();
    }

    public String actuelTexte() {
        return texte(actuel, actuelPrecision);
    }

    public String texteAnnee(int annee) {
        return annee(annee).map(ValeurAnnee::texte).orElse("—");
    }

    public Optional<ValeurAnnee> annee(int annee) {
        return annees.stream().filter(a -> a.annee() != null && a.annee() == annee).findFirst();
    }

    private static String texte(BigDecimal valeur, String precision) {
        String nombre = valeur == null ? "" : valeur.toPlainString().replace('.', ',');
        if (precision == null || precision.isBlank() || precision.equals(nombre)) {
            return nombre.isEmpty() ? "—" : nombre;
        }
        return precision.startsWith(nombre) || nombre.isEmpty() ? precision : nombre + " (" + precision + ")";
    }
}
