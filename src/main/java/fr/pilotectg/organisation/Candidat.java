package fr.pilotectg.organisation;

/**
 * An organisation a typed name may designate, with how close it is (1 = the same name, sigle, alias or SIREN; less
 * for a similar name) and what matched.
 */
public record Candidat(Organisation organisation, double score, String correspondance) {

    public boolean exact() {
        return score >= 1.0;
    }

    /** "CC du Bassin d'Aubenas (EPCI, 07, SIREN 200071439)". */
    public String description() {
        Organisation o = organisation;
        StringBuilder texte = new StringBuilder(o.nom()).append(" (").append(o.type().libelle());
        if (o.codeDepartement() != null) {
            texte.append(", ").append(o.codeDepartement());
        }
        if (o.siren() != null) {
            texte.append(", SIREN ").append(o.siren());
        }
        return texte.append(')').toString();
    }
}
