package fr.pilotectg.evaluation;

/**
 * What a fiche-year is at a given date, as every page shows it (see {@link SituationAnnuelle} for the rule):
 * the four statuses of the annex's colour code, plus « en cours d'année » (the current year, not closed, nothing
 * declared done yet) and « à venir » (a year that has not started), both neutral so that neither reads as a failure.
 * The colour is never shown without its label; « à venir » also has its own hatched pattern in the charts.
 */
public enum Situation {
    REALISE("réalisé", "eval-realise", "#1e6b30", false),
    EN_COURS("en cours de réalisation", "eval-en-cours", "#8a4b00", false),
    NON_REALISE("non réalisé", "eval-non-realise", "#a4262c", false),
    EN_COURS_D_ANNEE("en cours d'année", "eval-en-cours-annee", "#3d5a80", false),
    A_VENIR("à venir", "eval-a-venir", "#6c757d", true),
    NON_CONCERNE("non concerné", "eval-non-concerne", "#5c636a", false);

    private final String libelle;
    private final String classe;
    private final String couleur;
    private final boolean hachuree;

    Situation(String libelle, String classe, String couleur, boolean hachuree) {
        this.libelle = libelle;
        this.classe = classe;
        this.couleur = couleur;
        this.hachuree = hachuree;
    }

    public String libelle() {
        return libelle;
    }

    /** CSS class carrying the colour (and, for « à venir », the pattern). */
    public String classe() {
        return classe;
    }

    /** Colour for charts: 3:1 at least against white (WCAG 1.4.11). */
    public String couleur() {
        return couleur;
    }

    /** Drawn hatched in charts, so that it differs from the others without colour. */
    public boolean hachuree() {
        return hachuree;
    }

    /** The situations a concerned fiche-year can be in, in the order of the charts' stacks and tables. */
    public static java.util.List<Situation> concernees() {
        return java.util.List.of(REALISE, EN_COURS, NON_REALISE, EN_COURS_D_ANNEE, A_VENIR);
    }
}
