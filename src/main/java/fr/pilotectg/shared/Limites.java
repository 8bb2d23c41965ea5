package fr.pilotectg.shared;

import java.util.Set;

/**
 * The size of every kind of input, decided once: each field of a form, of the API or of an import is one of
 * these kinds. A value beyond its limit is refused with a message naming the field, never truncated.
 */
public final class Limites {

    /** A title, a name, a label: one line of a document. */
    public static final int TITRE = 300;
    /** A free text: a paragraph, a comment, a synthesis. */
    public static final int TEXTE = 20_000;
    /** A code, a key, a reference, an identifier typed by a person (kept in indexed columns). */
    public static final int CODE = 50;
    /** Items of one list in one request (years, notes, communes, fiches of a campaign…). */
    public static final int ELEMENTS = 1_000;
    /** Years a convention, a table or a value may be about. */
    public static final int ANNEE_MIN = 2000;
    public static final int ANNEE_MAX = 2100;
    /** Longest period of a convention, in years. */
    public static final int DUREE_MAX_ANNEES = 10;
    /** Highest page number of a paginated list (beyond it nothing is shown anyway). */
    public static final int PAGE_MAX = 100_000;
    /** Largest amount in euros or count of places, people, etc. */
    public static final long NOMBRE_MAX = 1_000_000_000_000L;

    /** Field names, in forms, the API and imports, that hold a code (kept in indexed columns). */
    private static final Set<String> CODES = Set.of("code", "cle", "codeinsee", "siren", "reference", "aocode", "periode",
            "unite", "departement", "codedepartement", "numerateur", "denominateur", "indicateur", "statut", "trimestre",
            "nature", "mode", "tableau", "annee", "version", "type", "role", "jeton", "codepostal", "prefixe", "numerotation",
            "empreinte", "rang");
    /** Field names that hold one line: a title, a name, a label. */
    private static final Set<String> TITRES = Set.of("titre", "nom", "prenom", "libelle", "fonction", "civilite", "secteur",
            "commune", "communes", "source", "intitule", "lieusignature", "gestionnaire", "instance", "organisation",
            "territoire", "epci", "identifiant", "q", "thematique", "categorie", "datetexte", "libellemode", "precision",
            "actuelprecision", "sigle", "courriel", "porteur", "nomfichier", "valeur", "objet", "soustype", "typeimprime", "modeimprime",
            "periodelibelle", "nombreoriginauxtexte", "nomimprime", "aliases",
            "proprietaire");

    private Limites() {
    }

    /**
     * The longest text a field may hold, from its name alone, the same for every form, JSON body and import: a code
     * {@value #CODE} characters, a title {@value #TITRE}, anything else {@value #TEXTE}.
     */
    public static int longueurMax(String champ) {
        if (champ == null) {
            return TEXTE;
        }
        String nom = champ.toLowerCase(java.util.Locale.ROOT);
        if (CODES.contains(nom)) {
            return CODE;
        }
        return TITRES.contains(nom) ? TITRE : TEXTE;
    }
}
