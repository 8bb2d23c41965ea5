package fr.pilotectg.plan;

/** One field of a fiche template: its key in the stored fields, the label the document prints, its type. */
public record ChampModele(String cle, String libelle, TypeChamp type, Vocabulaire vocabulaire) {

    static ChampModele texte(String cle, String libelle) {
        return new ChampModele(cle, libelle, TypeChamp.TEXTE, null);
    }

    static ChampModele liste(String cle, String libelle) {
        return new ChampModele(cle, libelle, TypeChamp.LISTE, null);
    }

    static ChampModele organisations(String cle, String libelle) {
        return new ChampModele(cle, libelle, TypeChamp.ORGANISATIONS, null);
    }

    static ChampModele territoires(String cle, String libelle) {
        return new ChampModele(cle, libelle, TypeChamp.TERRITOIRES, null);
    }

    static ChampModele indicateurs(String cle, String libelle) {
        return new ChampModele(cle, libelle, TypeChamp.INDICATEURS, null);
    }

    static ChampModele unParmi(String cle, String libelle, Vocabulaire vocabulaire) {
        return new ChampModele(cle, libelle, TypeChamp.VOCABULAIRE, vocabulaire);
    }

    static ChampModele plusieursParmi(String cle, String libelle, Vocabulaire vocabulaire) {
        return new ChampModele(cle, libelle, TypeChamp.VOCABULAIRES, vocabulaire);
    }
}
