package fr.pilotectg.pilotage;

import java.util.List;

import fr.pilotectg.shared.Textes;

/**
 * The national thématiques of a CTG (issue 15 item 10), used to roll up completion for a plan that has no level
 * named « Thématique »: a fiche goes under the thématique named first in its axe's title (« Accompagner les familles
 * et renforcer la parentalité » → parentalité), else in the title of a deeper node, else in its own title; the others
 * under « Autres actions ». Words are compared folded (no accents, no case).
 */
enum ThematiqueNationale {

    PETITE_ENFANCE("Petite enfance", "petite enfance", "eaje", "creche", "relais petite", "rpe ", "assistant maternel",
            "assistants maternels", "assistantes maternelles", "jeune enfant"),
    ENFANCE("Enfance", "enfance", "alsh", "accueil de loisirs", "accueils de loisirs", "periscolaire", "extrascolaire", "enfants"),
    JEUNESSE("Jeunesse", "jeunesse", "jeunes", "adolescen"),
    PARENTALITE("Parentalité", "parentalite", "parents", "familles", "reaap", "laep"),
    ANIMATION_VIE_SOCIALE("Animation de la vie sociale", "vie sociale", "centre social", "centres sociaux", "lien social",
            "cohesion sociale", "habitants", "solidarite"),
    ACCES_AUX_DROITS("Accès aux droits", "acces aux droits", "droits", "france services", "non recours"),
    LOGEMENT("Logement", "logement", "habitat"),
    HANDICAP("Handicap", "handicap", "besoins specifiques", "perte d autonomie"),
    INCLUSION_NUMERIQUE("Inclusion numérique", "numerique"),
    ACCOMPAGNEMENT_SOCIAL("Accompagnement social", "accompagnement social", "precarite", "fragilis", "mobilite", "vieillir",
            "insertion");

    static final String AUTRES = "Autres actions";

    private final String libelle;
    private final List<String> mots;

    ThematiqueNationale(String libelle, String... mots) {
        this.libelle = libelle;
        this.mots = List.of(mots);
    }

    String libelle() {
        return libelle;
    }

    /** The thématique whose word comes first in the text, or null when none is named. */
    static ThematiqueNationale nommeeDans(String texte) {
        if (texte == null) {
            return null;
        }
        String plie = Textes.plier(texte) + " ";
        ThematiqueNationale premiere = null;
        int position = Integer.MAX_VALUE;
        for (ThematiqueNationale t : values()) {
            for (String mot : t.mots) {
                int i = plie.indexOf(mot);
                if (i >= 0 && i < position) {
                    position = i;
                    premiere = t;
                }
            }
        }
        return premiere;
    }
}
