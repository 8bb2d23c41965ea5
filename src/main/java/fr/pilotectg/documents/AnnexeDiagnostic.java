package fr.pilotectg.documents;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import fr.pilotectg.diagnostic.Constat;
import fr.pilotectg.diagnostic.Diagnostic;
import fr.pilotectg.diagnostic.IndicateurAvecValeurs;
import fr.pilotectg.diagnostic.LigneAlsh;
import fr.pilotectg.diagnostic.LigneEaje;
import fr.pilotectg.diagnostic.NatureConstat;
import fr.pilotectg.diagnostic.SectionThematique;
import fr.pilotectg.diagnostic.TableauFinancements;
import fr.pilotectg.diagnostic.Total;
import fr.pilotectg.diagnostic.Valeur;
import fr.pilotectg.diagnostic.ValeurIndicateur;
import fr.pilotectg.shared.FormatFr;

/**
 * The diagnostic annex of the convention: every indicator table by thématique (with its enjeux and besoins), the
 * EAJE and ALSH tables and the Caf financing table with their printed and computed totals, then the AFOM.
 */
final class AnnexeDiagnostic {

    static final String NON_RENSEIGNE = "Diagnostic non renseigné.";

    private AnnexeDiagnostic() {
    }

    static void blocs(Diagnostic diagnostic, List<Document.Bloc> blocs) {
        if (diagnostic.estVide() && diagnostic.indicateurs().isEmpty()) {
            blocs.add(Document.Paragraphe.de(NON_RENSEIGNE));
            return;
        }
        indicateurs(diagnostic, blocs);
        eaje(diagnostic, blocs);
        alsh(diagnostic, blocs);
        financements(diagnostic.financements(), blocs);
        afom(diagnostic, blocs);
    }

    private static void indicateurs(Diagnostic diagnostic, List<Document.Bloc> blocs) {
        Set<IndicateurAvecValeurs> imprimes = new LinkedHashSet<>();
        for (SectionThematique section : diagnostic.sections()) {
            List<IndicateurAvecValeurs> dansSection = new ArrayList<>(section.figures());
            dansSection.addAll(section.chiffresSeuls());
            if (dansSection.isEmpty() && section.enjeux().isEmpty() && section.besoins().isEmpty()) {
                continue;
            }
            blocs.add(new Document.Titre(2, section.libelle()));
            if (!dansSection.isEmpty()) {
                blocs.add(tableau("Indicateurs – " + section.libelle(), dansSection));
                imprimes.addAll(dansSection);
            }
            constats("Enjeux :", section.enjeux(), blocs);
            constats("Besoins :", section.besoins(), blocs);
        }
        List<IndicateurAvecValeurs> autres = diagnostic.indicateurs().stream().filter(i -> !imprimes.contains(i)).toList();
        if (!autres.isEmpty()) {
            blocs.add(new Document.Titre(2, imprimes.isEmpty() ? "Indicateurs" : "Autres indicateurs"));
            blocs.add(tableau(imprimes.isEmpty() ? "Indicateurs du diagnostic" : "Autres indicateurs du diagnostic", autres));
        }
    }

    private static Document.Tableau tableau(String legende, List<IndicateurAvecValeurs> indicateurs) {
        List<List<String>> lignes = new ArrayList<>();
        for (IndicateurAvecValeurs i : indicateurs) {
            String unite = i.indicateur().unite() == null || i.indicateur().unite().isBlank() ? "" : " " + i.indicateur().unite();
            if (i.valeurs().isEmpty()) {
                lignes.add(List.of(i.indicateur().libelle(), "", "", "non renseigné", ""));
            }
            for (ValeurIndicateur v : i.valeurs()) {
                lignes.add(List.of(i.indicateur().libelle(), v.territoire() == null ? "" : texte(v.territoire().nom()), texte(v.periode()),
                        v.valeur() == null ? "" : v.valeur().texte() + unite, texte(v.sourceLibelle())));
            }
        }
        return new Document.Tableau(legende, List.of("Indicateur", "Territoire", "Période", "Valeur", "Source"), lignes, false);
    }

    private static void constats(String libelle, List<Constat> constats, List<Document.Bloc> blocs) {
        if (!constats.isEmpty()) {
            blocs.add(new Document.Paragraphe(libelle, ""));
            blocs.add(new Document.Liste(constats.stream().map(Constat::texte).toList()));
        }
    }

    private static void eaje(Diagnostic diagnostic, List<Document.Bloc> blocs) {
        if (diagnostic.eaje().estVide()) {
            return;
        }
        blocs.add(new Document.Titre(2, "Établissements d'accueil du jeune enfant"));
        List<List<String>> lignes = new ArrayList<>();
        for (LigneEaje l : diagnostic.eaje().lignes()) {
            lignes.add(List.of(texte(l.nom()), texte(l.commune()), texte(l.type()), texte(l.gestionnaire()),
                    nombre(l.places()), nombre(l.enfantsInscrits())));
        }
        lignes.add(List.of("Total", "", "", "", total(diagnostic.eaje().places()), total(diagnostic.eaje().enfantsInscrits())));
        blocs.add(new Document.Tableau("Crèches et micro-crèches (EAJE) : places et enfants inscrits",
                List.of("Établissement", "Commune", "Type", "Gestionnaire", "Places", "Enfants inscrits"), lignes, false));
        blocs.add(new Document.Figure("Places par établissement", "places", diagnostic.eaje().lignes().stream()
                .filter(l -> l.places() != null)
                .map(l -> new Document.Figure.Valeur(texte(l.nom()), l.places(), FormatFr.nombre(l.places()))).toList()));
    }

    private static void alsh(Diagnostic diagnostic, List<Document.Bloc> blocs) {
        if (diagnostic.alsh().estVide()) {
            return;
        }
        blocs.add(new Document.Titre(2, "Accueils de loisirs sans hébergement"));
        List<List<String>> lignes = new ArrayList<>();
        for (LigneAlsh l : diagnostic.alsh().lignes()) {
            lignes.add(List.of(texte(l.nom()), l.categorie() == null ? "" : l.categorie().libelle(), nombre(l.enfantsAccueillis()),
                    valeur(l.enfantsAeeh()), nombre(l.heuresRealisees()), nombre(l.heuresFacturees()), nombre(l.actesOuvrantDroit()),
                    l.annee() == null ? "" : String.valueOf(l.annee())));
        }
        for (Total t : diagnostic.alsh().enfantsParCategorie()) {
            lignes.add(List.of("Total " + t.libelle(), "", total(t), "", "", "", "", ""));
        }
        lignes.add(List.of("Total", "", "", total(diagnostic.alsh().enfantsAeeh()), total(diagnostic.alsh().heuresRealisees()),
                total(diagnostic.alsh().heuresFacturees()), total(diagnostic.alsh().actesOuvrantDroit()), ""));
        blocs.add(new Document.Tableau("Accueils de loisirs (ALSH) : enfants accueillis et heures",
                List.of("Accueil", "Catégorie", "Enfants accueillis", "Enfants AEEH", "Heures réalisées", "Heures facturées",
                        "Actes ouvrant droit", "Année"), lignes, true));
    }

    private static void financements(TableauFinancements financements, List<Document.Bloc> blocs) {
        if (financements.estVide()) {
            return;
        }
        blocs.add(new Document.Titre(2, "Financements de la Caf"));
        List<String> entetes = new ArrayList<>(List.of("Secteur", "Catégorie"));
        financements.annees().forEach(a -> entetes.add(a + " (€)"));
        entetes.add("Évolution (%)");
        List<List<String>> lignes = new ArrayList<>();
        for (TableauFinancements.Secteur s : financements.secteurs()) {
            List<String> ligne = new ArrayList<>(List.of(texte(s.secteur()), texte(s.categorie())));
            s.montants().forEach(m -> ligne.add(valeur(m)));
            ligne.add(evolution(s.evolutionImprimee(), s.evolutionCalculee()));
            lignes.add(ligne);
        }
        for (TableauFinancements.LigneDeTotal t : financements.totaux()) {
            List<String> ligne = new ArrayList<>(List.of(texte(t.libelle()), ""));
            t.parAnnee().forEach(total -> ligne.add(total(total)));
            ligne.add(evolution(t.evolutionImprimee(), t.evolutionCalculee()));
            lignes.add(ligne);
        }
        blocs.add(new Document.Tableau("Financements de la Caf par secteur et par année", entetes, lignes, financements.annees().size() > 3));
    }

    private static void afom(Diagnostic diagnostic, List<Document.Bloc> blocs) {
        if (diagnostic.afom().isEmpty()) {
            return;
        }
        blocs.add(new Document.Titre(2, "Atouts, faiblesses, opportunités, menaces"));
        for (NatureConstat nature : diagnostic.naturesAfom()) {
            List<String> constats = diagnostic.afom(nature).stream().map(Constat::texte).toList();
            if (!constats.isEmpty()) {
                blocs.add(new Document.Paragraphe(nature.libelle() + " :", ""));
                blocs.add(new Document.Liste(constats));
            }
        }
    }

    private static String evolution(Valeur imprimee, BigDecimal calculee) {
        String calcule = calculee == null ? null : nombre(calculee);
        if (imprimee == null) {
            return calcule == null ? "" : calcule;
        }
        if (calcule == null || (imprimee.estNombre() && imprimee.nombre().compareTo(calculee) == 0)) {
            return imprimee.texte();
        }
        return imprimee.texte() + " (imprimée) ; " + calcule + " (recalculée)";
    }

    /** "228" when the printed and computed totals agree, else both. */
    static String total(Total total) {
        if (total == null) {
            return "";
        }
        String calcule = total.calcule() == null ? null : nombre(total.calcule());
        String imprime = total.imprime() == null ? null : total.imprime().texte();
        if (imprime == null) {
            return calcule == null ? "" : calcule;
        }
        if (calcule == null || total.calcule().compareTo(total.imprime().estNombre() ? total.imprime().nombre() : BigDecimal.valueOf(-1)) == 0) {
            return imprime;
        }
        return imprime + " (imprimé) ; " + calcule + " (somme des lignes)";
    }

    private static String valeur(Valeur valeur) {
        return valeur == null ? "" : valeur.texte();
    }

    private static String texte(String texte) {
        return texte == null ? "" : texte;
    }

    /** "1 234,5": French grouping, up to two decimals (hours, percentages). */
    private static String nombre(Number nombre) {
        if (nombre == null) {
            return "";
        }
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(FormatFr.FR);
        format.setMaximumFractionDigits(2);
        return format.format(nombre);
    }
}
