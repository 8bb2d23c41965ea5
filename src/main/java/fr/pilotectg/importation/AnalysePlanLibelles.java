package fr.pilotectg.importation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.pilotectg.plan.ChampModele;
import fr.pilotectg.plan.ModeleFiche;
import fr.pilotectg.plan.TypeChamp;

/**
 * The labels a fiche template prints, and how a line is recognised as one of them ("Public cible :", "Diagnostic
 * initial (Quels constats ?)", "Champ(s) d'intervention(s) : Soutien…", a table cell "Echéances de réalisation
 * (période 2026-2030) 2026"). Besides the template's fields, every template knows the fiche's own members: its
 * reference, its title and its échéances.
 */
final class AnalysePlanLibelles {

    static final String REFERENCE = "@reference";
    static final String TITRE = "@titre";
    static final String ECHEANCES = "@echeances";

    /** One recognisable label: the field key (template key or a member above), its type, its comparison key. */
    record Libelle(String champ, TypeChamp type, String cle) {
    }

    /** A label found at the start of a text, with the value printed after it on the same line (may be empty). */
    record Trouve(Libelle libelle, String valeur) {
    }

    private final ModeleFiche modele;
    private final List<Libelle> libelles;

    AnalysePlanLibelles(ModeleFiche modele) {
        this.modele = modele;
        List<Libelle> tous = new ArrayList<>();
        for (ChampModele c : modele.champs()) {
            tous.add(new Libelle(c.cle(), c.type(), AnalysePlanTextes.cleDeLibelle(c.libelle())));
            for (String alias : alias(modele, c.cle())) {
                tous.add(new Libelle(c.cle(), c.type(), AnalysePlanTextes.cleDeLibelle(alias)));
            }
        }
        for (String r : List.of("Réf de la fiche action", "Référence de la fiche action", "Réf fiche action", "Référence de la fiche",
                "Réf de la fiche", "Numéro de la fiche")) {
            tous.add(new Libelle(REFERENCE, TypeChamp.TEXTE, AnalysePlanTextes.cleDeLibelle(r)));
        }
        for (String t : List.of("Intitulé de l'action", "Titre de l'action", "Intitulé de la fiche", "Titre de la fiche")) {
            tous.add(new Libelle(TITRE, TypeChamp.TEXTE, AnalysePlanTextes.cleDeLibelle(t)));
        }
        for (String e : List.of("Echéances de réalisation", "Échéances", "Echéance", "Calendrier de réalisation")) {
            tous.add(new Libelle(ECHEANCES, TypeChamp.TEXTE, AnalysePlanTextes.cleDeLibelle(e)));
        }
        tous.sort(Comparator.comparingInt((Libelle l) -> l.cle().length()).reversed());
        this.libelles = List.copyOf(tous);
    }

    ModeleFiche modele() {
        return modele;
    }

    /** Other ways documents print a field's label. */
    private static List<String> alias(ModeleFiche modele, String cle) {
        return switch (modele) {
            case NATIONAL -> switch (cle) {
                case "porteurs" -> List.of("Services mobilisés", "Responsables de l'action", "Qui porte l'action");
                case "partenaires" -> List.of("Partenaires");
                case "indicateurs" -> List.of("Indicateurs");
                case "modalites" -> List.of("Modalités de mise en oeuvre", "Modalités");
                case "garantes" -> List.of("Collectivité garante", "Collectivités garantes");
                case "enjeu" -> List.of("Enjeux", "Enjeu");
                case "objectifsCtg" -> List.of("Objectifs de la CTG", "Objectif CTG", "Objectif de la CTG", "Objectifs", "Objectif");
                case "objectifsOperationnels" -> List.of("Objectifs opérationnels");
                default -> List.of();
            };
            case NOTE -> switch (cle) {
                case "champsIntervention" -> List.of("Champs d'intervention", "Champ d'intervention");
                case "territoires" -> List.of("Territoires cibles", "Territoire cible");
                case "porteurs" -> List.of("Porteur", "Porteurs de l'action");
                case "objectifs" -> List.of("Objectifs");
                case "contexte" -> List.of("Contexte");
                default -> List.of();
            };
            case COURT -> switch (cle) {
                case "partenaires" -> List.of("Partenaires");
                case "territoires" -> List.of("Territoire", "Territoires concernés");
                default -> List.of();
            };
            case FEUILLE_DE_ROUTE -> List.of();
        };
    }

    /** The template's fields recognised in a text (a line or a table cell), or empty. */
    Optional<Trouve> reconnaitre(String texte) {
        String propre = AnalysePlanTextes.propre(texte);
        if (propre.isEmpty() || propre.length() > 400) {
            return Optional.empty();
        }
        int deuxPoints = propre.indexOf(':');
        if (deuxPoints > 0) {
            String avant = AnalysePlanTextes.cleDeLibelle(propre.substring(0, deuxPoints));
            for (Libelle l : libelles) {
                if (l.cle().equals(avant)) {
                    return Optional.of(new Trouve(l, propre.substring(deuxPoints + 1).strip()));
                }
            }
        }
        String tout = AnalysePlanTextes.cleDeLibelle(propre);
        for (Libelle l : libelles) {
            if (l.cle().equals(tout)) {
                return Optional.of(new Trouve(l, ""));
            }
        }
        // "Echéances de réalisation (période 2026-2030) 2026": the value follows the explanation in brackets.
        int parenthese = propre.lastIndexOf(')');
        if (parenthese > 0 && parenthese < propre.length() - 1) {
            String avant = AnalysePlanTextes.cleDeLibelle(propre.substring(0, parenthese + 1));
            for (Libelle l : libelles) {
                if (l.cle().equals(avant)) {
                    return Optional.of(new Trouve(l, propre.substring(parenthese + 1).replaceFirst("^\\s*:?\\s*", "").strip()));
                }
            }
        }
        return Optional.empty();
    }

    /** How many lines of the document start with a label of this template's own fields (not the shared members), by field. */
    static Map<String, Integer> occurrences(ModeleFiche modele, List<Ligne> lignes) {
        AnalysePlanLibelles l = new AnalysePlanLibelles(modele);
        Map<String, Integer> parChamp = new LinkedHashMap<>();
        for (Ligne ligne : lignes) {
            for (String morceau : ligne.cellules()) {
                l.reconnaitre(morceau).filter(t -> !t.libelle().champ().startsWith("@"))
                        .ifPresent(t -> parChamp.merge(t.libelle().champ(), 1, Integer::sum));
            }
        }
        return parChamp;
    }
}
