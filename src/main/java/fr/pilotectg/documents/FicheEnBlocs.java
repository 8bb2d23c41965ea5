package fr.pilotectg.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import fr.pilotectg.plan.ChampModele;
import fr.pilotectg.plan.Fiche;
import fr.pilotectg.plan.ModeleFiche;
import fr.pilotectg.plan.OrganisationCitee;

/** A fiche action as document blocks: its heading, then every field of its template, "non renseigné" when empty. */
final class FicheEnBlocs {

    static final String NON_RENSEIGNE = "non renseigné";

    private FicheEnBlocs() {
    }

    static String intitule(Fiche fiche) {
        return (fiche.reference() == null || fiche.reference().isBlank() ? "" : fiche.reference() + " – ") + fiche.titre();
    }

    static List<Document.Bloc> blocs(Fiche fiche, ModeleFiche modele, int niveauTitre, List<String> chemin) {
        List<Document.Bloc> blocs = new ArrayList<>();
        blocs.add(new Document.Titre(niveauTitre, "Fiche action " + intitule(fiche)));
        if (chemin != null && !chemin.isEmpty()) {
            blocs.add(new Document.Paragraphe("Place dans le plan :", String.join(" › ", chemin)));
        }
        for (ChampModele champ : modele.champs()) {
            blocs.add(new Document.Paragraphe(champ.libelle() + " :", valeur(fiche, champ)));
        }
        if (!fiche.annees().isEmpty()) {
            blocs.add(new Document.Paragraphe("Années de mise en œuvre :",
                    fiche.annees().stream().map(String::valueOf).collect(Collectors.joining(", "))));
        }
        if (fiche.echeances() != null && !fiche.echeances().isBlank()) {
            blocs.add(new Document.Paragraphe("Échéances :", fiche.echeances()));
        }
        return blocs;
    }

    static String valeur(Fiche fiche, ChampModele champ) {
        String cle = champ.cle();
        String valeur = switch (champ.type()) {
            case TEXTE -> fiche.champs().texte(cle);
            case VOCABULAIRE -> {
                String code = fiche.champs().texte(cle);
                yield code == null ? null : champ.vocabulaire().libelle(code).orElse(code);
            }
            case VOCABULAIRES -> fiche.champs().liste(cle).stream()
                    .map(code -> champ.vocabulaire().libelle(code).orElse(code)).collect(Collectors.joining(" ; "));
            case LISTE, TERRITOIRES -> fiche.champs().liste(cle).stream().collect(Collectors.joining(" ; "));
            case ORGANISATIONS -> fiche.champs().organisations(cle).stream().map(FicheEnBlocs::organisation)
                    .collect(Collectors.joining(" ; "));
            case INDICATEURS -> fiche.champs().indicateurs(cle).stream()
                    .map(i -> i.libelle() + (i.type() == null ? "" : " (" + i.type().toLowerCase(java.util.Locale.FRANCE) + ")"))
                    .collect(Collectors.joining(" ; "));
        };
        return valeur == null || valeur.isBlank() ? NON_RENSEIGNE : valeur;
    }

    private static String organisation(OrganisationCitee o) {
        return o.nom() + (o.role() == null || o.role().isBlank() ? "" : " (" + o.role() + ")");
    }
}
