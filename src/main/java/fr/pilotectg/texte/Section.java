package fr.pilotectg.texte;

/**
 * One section of a convention's text; {@code numero} is the article's number (its rank among the articles),
 * null for a preamble item or a clause; {@code html} is sanitised (see {@link TexteRiche}).
 */
public record Section(NatureSection nature, Integer numero, String titre, String html) {

    /** "Article 4 – Les objectifs partagés", "Préambule – …", or the clause's name. */
    public String intitule() {
        return switch (nature) {
            case ARTICLE -> "Article " + numero + " – " + titre;
            case PREAMBULE -> titre;
            case CLAUSE -> "Clause : " + titre;
        };
    }

    public boolean estAAdapter() {
        return html != null && html.contains(ModeleNational.A_ADAPTER);
    }
}
