package fr.pilotectg.documents;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import fr.pilotectg.plan.ChampModele;
import fr.pilotectg.plan.DatesFiche;
import fr.pilotectg.plan.Fiche;
import fr.pilotectg.plan.Financement;
import fr.pilotectg.plan.Montants;
import fr.pilotectg.plan.ModeleFiche;
import fr.pilotectg.plan.OrganisationCitee;
import fr.pilotectg.plan.SousAction;

/**
 * A fiche action as document blocks: its heading, then every field of its template, "non renseigné" when empty, its
 * dates, the convention's added fields, its sub-actions and its money lines.
 */
final class FicheEnBlocs {

    static final String NON_RENSEIGNE = "non renseigné";

    private FicheEnBlocs() {
    }

    static String intitule(Fiche fiche) {
        return (fiche.reference() == null || fiche.reference().isBlank() ? "" : fiche.reference() + " – ") + fiche.titre();
    }

    static List<Document.Bloc> blocs(Fiche fiche, ModeleFiche modele, int niveauTitre, List<String> chemin,
                                     ComplementsDesFiches.Complements complements) {
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
        if (fiche.debut() != null || fiche.fin() != null) {
            blocs.add(new Document.Paragraphe("Période :", periode(fiche.debut(), fiche.fin())));
        }
        complements.ajoutes().forEach(a -> blocs.add(new Document.Paragraphe(a.getKey() + " :", a.getValue())));
        if (!complements.sousActions().isEmpty()) {
            blocs.add(new Document.Tableau("Sous-actions de la fiche " + intitule(fiche),
                    List.of("Sous-action", "Porteur", "Période", "Années"),
                    complements.sousActions().stream().map(FicheEnBlocs::ligne).toList(), false));
        }
        if (!complements.financements().isEmpty()) {
            blocs.add(financements(fiche, complements.financements()));
        }
        return blocs;
    }

    private static List<String> ligne(SousAction s) {
        return List.of(s.libelle(), s.porteur() == null ? "" : s.porteur(), periode(s.debut(), s.fin()),
                s.annees().stream().map(String::valueOf).collect(Collectors.joining(", ")));
    }

    private static String periode(YearMonth debut, YearMonth fin) {
        if (debut == null && fin == null) {
            return "";
        }
        if (fin == null) {
            return "à partir de " + DatesFiche.texte(debut);
        }
        return debut == null ? "jusqu'à " + DatesFiche.texte(fin) : DatesFiche.texte(debut) + " – " + DatesFiche.texte(fin);
    }

    private static Document.Tableau financements(Fiche fiche, List<Financement> lignes) {
        List<List<String>> corps = new ArrayList<>(lignes.stream().map(f -> List.of(String.valueOf(f.annee()),
                f.nom() == null || f.nom().isBlank() ? f.financeur().libelle() : f.financeur().libelle() + " – " + f.nom(),
                Montants.texte(f.prevuCentimes()), Montants.texte(f.realiseCentimes()))).toList());
        corps.add(List.of("Total", "", Montants.texte(somme(lignes, Financement::prevuCentimes)), Montants.texte(somme(lignes, Financement::realiseCentimes))));
        return new Document.Tableau("Financement de la fiche " + intitule(fiche), List.of("Année", "Financeur", "Prévu", "Réalisé"), corps, false);
    }

    private static Long somme(List<Financement> lignes, java.util.function.Function<Financement, Long> montant) {
        List<Long> montants = lignes.stream().map(montant).filter(java.util.Objects::nonNull).toList();
        return montants.isEmpty() ? null : montants.stream().mapToLong(Long::longValue).sum();
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
