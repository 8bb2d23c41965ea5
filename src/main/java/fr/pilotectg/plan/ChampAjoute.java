package fr.pilotectg.plan;

import java.util.List;

/** A field a convention added to its fiche template: a stable key, a label, a type, the choices it defines. */
public record ChampAjoute(Long id, long conventionId, String cle, String libelle, TypeChampAjoute type, List<String> choix,
                          int ordre, int version) {

    public ChampAjoute {
        choix = choix == null ? List.of() : List.copyOf(choix);
    }

    /** The choices one per line, as the page's textarea shows them. */
    public String choixParLigne() {
        return String.join("\n", choix);
    }

    /** A value as shown in the fiche page: "Oui"/"Non", the items joined, the number in French. */
    public String afficher(Object valeur) {
        if (valeur == null) {
            return null;
        }
        if (valeur instanceof Boolean b) {
            return b ? "Oui" : "Non";
        }
        if (valeur instanceof List<?> liste) {
            return String.join(", ", liste.stream().map(String::valueOf).toList());
        }
        if (valeur instanceof Number n) {
            // Plain digits: a stored 12345678.5 is read back as a double, which would print as "1.23456785E7".
            return new java.math.BigDecimal(n.toString()).toPlainString().replace('.', ',');
        }
        return valeur.toString();
    }

    /** Whether the value is an http(s) link the page may render as a link. */
    public boolean estUnLien(Object valeur) {
        if (type != TypeChampAjoute.URL || !(valeur instanceof String s)) {
            return false;
        }
        try {
            TypeChampAjoute.lienSur(s);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
