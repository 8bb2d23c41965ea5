package fr.pilotectg.documents;

import java.util.ArrayList;
import java.util.List;

import fr.pilotectg.ao.CelluleCompetence;
import fr.pilotectg.ao.ExtraitCdsf;
import fr.pilotectg.ao.LigneMatrice;
import fr.pilotectg.ao.VueAo;
import fr.pilotectg.ao.ExtraitCdsfService;
import fr.pilotectg.shared.FormatFr;
import org.springframework.stereotype.Service;

/** The early-childhood extract sent to the CDSF: indicators, services, fiches, and the signatories' consents. */
@Service
public class DocumentExtraitCdsf {

    private final ExtraitCdsfService extraits;

    DocumentExtraitCdsf(ExtraitCdsfService extraits) {
        this.extraits = extraits;
    }

    public Document extrait(long conventionId) {
        ExtraitCdsf extrait = extraits.extrait(conventionId);
        List<Document.Bloc> blocs = new ArrayList<>();
        blocs.add(Document.Paragraphe.de("Extrait établi le " + FormatFr.date(extrait.date()) + "."));
        blocs.add(new Document.Titre(1, "Indicateurs petite enfance du diagnostic"));
        List<List<String>> indicateurs = new ArrayList<>();
        extrait.indicateurs().forEach(i -> i.valeurs().forEach(v -> indicateurs.add(List.of(i.indicateur().libelle(),
                v.territoire() == null ? "" : v.territoire().nom(), v.periode() == null ? "" : v.periode(),
                v.valeur() == null ? "" : v.valeur().texte() + (i.indicateur().unite() == null ? "" : " " + i.indicateur().unite()),
                v.sourceLibelle() == null ? "" : v.sourceLibelle()))));
        blocs.add(indicateurs.isEmpty() ? Document.Paragraphe.de("Aucun indicateur petite enfance renseigné.")
                : new Document.Tableau("Indicateurs petite enfance", List.of("Indicateur", "Territoire", "Période", "Valeur", "Source"), indicateurs, false));
        matriceAo(extrait.ao(), blocs);
        blocs.add(new Document.Titre(1, "Services petite enfance soutenus"));
        blocs.add(extrait.services().isEmpty() ? Document.Paragraphe.de("Aucun service petite enfance renseigné.")
                : new Document.Tableau("Services petite enfance", List.of("Type", "Service", "Commune", "Capacité"),
                extrait.services().stream().map(s -> List.of(s.typeImprime() != null ? s.typeImprime() : s.type().libelle(),
                        s.nom() == null ? "" : s.nom(), s.commune() == null ? "" : s.commune(),
                        s.capacite() == null ? "" : FormatFr.nombre(s.capacite()))).toList(), false));
        blocs.add(new Document.Titre(1, "Actions petite enfance du plan"));
        blocs.add(extrait.fiches().isEmpty() ? Document.Paragraphe.de("Aucune action petite enfance dans le plan.")
                : new Document.Tableau("Fiches actions petite enfance", List.of("Référence", "Action", "Compétences", "Porteurs"),
                extrait.fiches().stream().map(f -> List.of(f.reference() == null ? "" : f.reference(), f.titre(),
                        String.join(" ; ", f.competences()), String.join(" ; ", f.porteurs()))).toList(), false));
        blocs.add(new Document.Titre(1, "Consentement des signataires à la transmission"));
        blocs.add(extrait.consentements().isEmpty() ? Document.Paragraphe.de("Aucun signataire.")
                : new Document.Tableau("Consentements", List.of("Signataire", "Décision"),
                extrait.consentements().stream().map(c -> List.of(c.organisation(), c.etat())).toList(), false));
        blocs.add(Document.Paragraphe.de(extrait.transmissible() ? "Tous les signataires ont consenti : l'extrait peut être transmis au CDSF."
                : "Transmission au CDSF impossible tant que ces signataires n'ont pas consenti : "
                + String.join(", ", extrait.consentementsManquants()) + "."));
        return new Document("Extrait petite enfance pour le CDSF", extrait.ao().convention().titre(), false, blocs);
    }

    /** The AO matrix (collectivités × competences, landscape) and the autorités organisatrices with their competences. */
    private static void matriceAo(VueAo ao, List<Document.Bloc> blocs) {
        blocs.add(new Document.Titre(1, "Autorités organisatrices"));
        if (ao.matrice().lignes().isEmpty()) {
            blocs.add(Document.Paragraphe.de("Matrice des compétences non renseignée."));
        } else {
            List<String> entetes = new ArrayList<>(List.of("Collectivité", "Type", "Population"));
            ao.competences().forEach(c -> entetes.add(ao.libelleCompetence(c)));
            List<List<String>> lignes = new ArrayList<>();
            for (LigneMatrice ligne : ao.matrice().lignes()) {
                List<String> cellules = new ArrayList<>(List.of(ligne.nom() == null ? "" : ligne.nom(),
                        ligne.type() == null ? "" : ligne.type().libelle(), ligne.population() == null ? "" : FormatFr.nombre(ligne.population())));
                ao.competences().forEach(c -> cellules.add(ligne.cellule(c).map(DocumentExtraitCdsf::mode).orElse("")));
                lignes.add(cellules);
            }
            blocs.add(new Document.Tableau("Matrice des compétences : qui exerce quoi", entetes, lignes, true));
        }
        if (!ao.autorites().isEmpty()) {
            blocs.add(new Document.Tableau("Autorités organisatrices et leurs compétences", List.of("Autorité organisatrice", "Population", "Compétences", "Communes"),
                    ao.autorites().stream().map(a -> List.of(a.nom(), a.population() == null ? "" : FormatFr.nombre(a.population()),
                            String.join(" ; ", a.competences().stream().map(ao::libelleCompetence).toList()),
                            String.join(", ", a.communes()))).toList(), false));
        }
    }

    private static String mode(CelluleCompetence cellule) {
        if (cellule.modeImprime() != null && !cellule.modeImprime().isBlank()) {
            return cellule.modeImprime();
        }
        return cellule.mode() == null ? "" : cellule.mode().libelle();
    }
}
