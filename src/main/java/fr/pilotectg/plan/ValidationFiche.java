package fr.pilotectg.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import fr.pilotectg.shared.ErreurValidation;

/** The rules a fiche must follow before it is saved; every error names its field, in French. */
final class ValidationFiche {

    private ValidationFiche() {
    }

    static void verifier(Fiche fiche, ModeleFiche modele, Integer premiereAnnee, Integer derniereAnnee) {
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        if (fiche.titre() == null || fiche.titre().isBlank()) {
            erreurs.add(new ErreurValidation.Erreur("titre", "Le titre de la fiche est obligatoire."));
        }
        ChampsFiche champs = fiche.champs();
        champs.cles().distinct().forEach(cle -> {
            if (modele.champ(cle).isEmpty()) {
                erreurs.add(new ErreurValidation.Erreur(cle, "Le champ « " + cle + " » n'existe pas dans le modèle « "
                        + modele.libelle() + " »."));
            }
        });
        for (ChampModele champ : modele.champs()) {
            verifierType(champ, champs, erreurs);
        }
        if (premiereAnnee != null && derniereAnnee != null) {
            for (int annee : fiche.annees()) {
                if (annee < premiereAnnee || annee > derniereAnnee) {
                    erreurs.add(new ErreurValidation.Erreur("annees", "L'année " + annee
                            + " est hors de la période de la convention (" + premiereAnnee + " – " + derniereAnnee + ")."));
                }
            }
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
    }

    private static void verifierType(ChampModele champ, ChampsFiche champs, List<ErreurValidation.Erreur> erreurs) {
        String cle = champ.cle();
        boolean texte = champs.textes().containsKey(cle);
        boolean liste = champs.listes().containsKey(cle);
        boolean organisations = champs.organisations().containsKey(cle);
        boolean indicateurs = champs.indicateurs().containsKey(cle);
        boolean attendu = switch (champ.type()) {
            case TEXTE, VOCABULAIRE -> !liste && !organisations && !indicateurs;
            case LISTE, TERRITOIRES, VOCABULAIRES -> !texte && !organisations && !indicateurs;
            case ORGANISATIONS -> !texte && !liste && !indicateurs;
            case INDICATEURS -> !texte && !liste && !organisations;
        };
        if (!attendu) {
            erreurs.add(new ErreurValidation.Erreur(cle, "Le champ « " + champ.libelle() + " » n'a pas le bon type de valeur."));
            return;
        }
        if (champ.type() == TypeChamp.VOCABULAIRE && texte) {
            verifierValeur(champ, champs.texte(cle), erreurs);
        }
        if (champ.type() == TypeChamp.VOCABULAIRES) {
            champs.liste(cle).forEach(valeur -> verifierValeur(champ, valeur, erreurs));
        }
        if (champ.type() == TypeChamp.INDICATEURS) {
            for (Indicateur indicateur : champs.indicateurs(cle)) {
                if (indicateur.libelle() == null || indicateur.libelle().isBlank()) {
                    erreurs.add(new ErreurValidation.Erreur(cle, "Chaque indicateur doit avoir un libellé."));
                } else if (indicateur.type() != null && !Vocabulaire.TYPE_INDICATEUR.contient(indicateur.type())) {
                    erreurs.add(new ErreurValidation.Erreur(cle, "Type d'indicateur inconnu « " + indicateur.type()
                            + " » : quantitatif ou qualitatif."));
                }
            }
        }
        if (champ.type() == TypeChamp.ORGANISATIONS) {
            champs.organisations(cle).stream().filter(o -> o.nom() == null || o.nom().isBlank()).findFirst()
                    .ifPresent(o -> erreurs.add(new ErreurValidation.Erreur(cle, "Chaque organisation citée doit avoir un nom.")));
        }
    }

    private static void verifierValeur(ChampModele champ, String valeur, List<ErreurValidation.Erreur> erreurs) {
        if (!champ.vocabulaire().contient(valeur)) {
            erreurs.add(new ErreurValidation.Erreur(champ.cle(), "« " + valeur + " » n'est pas une valeur possible pour « "
                    + champ.libelle() + " ». Valeurs possibles : "
                    + champ.vocabulaire().valeurs().values().stream().collect(Collectors.joining(", ")) + "."));
        }
    }
}
