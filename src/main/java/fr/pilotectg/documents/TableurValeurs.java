package fr.pilotectg.documents;

import java.util.List;
import java.util.stream.Collectors;

import fr.pilotectg.plan.ChampModele;
import fr.pilotectg.plan.Fiche;
import fr.pilotectg.plan.Indicateur;
import fr.pilotectg.plan.OrganisationCitee;

/** How the fields of a fiche read in a cell: items one per line, vocabulary codes as their labels. */
final class TableurValeurs {

    private TableurValeurs() {
    }

    static String champ(Fiche fiche, ChampModele champ) {
        String cle = champ.cle();
        String texte = switch (champ.type()) {
            case TEXTE -> fiche.champs().texte(cle);
            case VOCABULAIRE -> libelle(champ, fiche.champs().texte(cle));
            case LISTE, TERRITOIRES -> lignes(fiche.champs().liste(cle));
            case VOCABULAIRES -> lignes(fiche.champs().liste(cle).stream().map(c -> libelle(champ, c)).toList());
            case ORGANISATIONS -> lignes(fiche.champs().organisations(cle).stream().map(TableurValeurs::organisation).toList());
            case INDICATEURS -> lignes(fiche.champs().indicateurs(cle).stream().map(TableurValeurs::indicateur).toList());
        };
        return texte == null || texte.isBlank() ? null : texte;
    }

    private static String libelle(ChampModele champ, String code) {
        if (code == null || champ.vocabulaire() == null) {
            return code;
        }
        return champ.vocabulaire().libelle(code).orElse(code);
    }

    private static String organisation(OrganisationCitee organisation) {
        return organisation.nom() + (organisation.role() == null || organisation.role().isBlank() ? "" : " (" + organisation.role() + ")");
    }

    private static String indicateur(Indicateur indicateur) {
        return indicateur.libelle() + (indicateur.type() == null ? "" : " (" + indicateur.type().toLowerCase() + ")");
    }

    static String lignes(List<String> valeurs) {
        return valeurs.isEmpty() ? null : valeurs.stream().collect(Collectors.joining("\n"));
    }
}
