package fr.pilotectg.organisation;

public record Personne(long id, String civilite, String prenom, String nom) {

    /** "M. René SERRE-CHAMARY", as conventions print it. */
    public String nomComplet() {
        StringBuilder texte = new StringBuilder();
        if (civilite != null && !civilite.isBlank()) {
            texte.append(civilite).append(' ');
        }
        if (prenom != null && !prenom.isBlank()) {
            texte.append(prenom).append(' ');
        }
        return texte.append(nom).toString();
    }
}
