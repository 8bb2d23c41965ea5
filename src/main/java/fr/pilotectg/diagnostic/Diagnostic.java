package fr.pilotectg.diagnostic;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Everything the diagnostic page and API show for one convention, read once. */
public record Diagnostic(long conventionId, String titreConvention, boolean modifiable, List<IndicateurAvecValeurs> indicateurs,
                         List<SectionThematique> sections,
                         TableauEaje eaje, Graphique graphiqueEaje, TableauAlsh alsh, TableauFinancements financements,
                         List<Constat> afom, List<SourceDiagnostic> sources, List<TerritoireDiagnostic> territoires,
                         List<String> recoupements) {

    public List<Constat> afom(NatureConstat nature) {
        return afom.stream().filter(c -> c.nature() == nature).toList();
    }

    public List<NatureConstat> naturesAfom() {
        return List.of(NatureConstat.ATOUT, NatureConstat.FAIBLESSE, NatureConstat.OPPORTUNITE, NatureConstat.MENACE);
    }

    /**
     * Every discrepancy flagged, as a sentence naming where it is: ratios, table totals, evolutions, values accepted but
     * implausible, and figures that two parts of the convention state differently.
     */
    public List<String> ecarts() {
        List<String> ecarts = new ArrayList<>();
        sections.stream().flatMap(s -> Stream.concat(s.figures().stream(), s.chiffresSeuls().stream()))
                .forEach(i -> i.signalees().stream().filter(ValeurIndicateur::ecart).forEach(v -> ecarts.add(i.indicateur().libelle()
                        + " — " + v.territoire().nom() + (v.periode().isBlank() ? "" : " " + v.periode()) + " : "
                        + v.messageEcart(i.indicateur().unite()))));
        sections.stream().flatMap(s -> Stream.concat(s.figures().stream(), s.chiffresSeuls().stream()))
                .forEach(i -> i.signalees().stream().filter(v -> v.plausibilite() != null).forEach(v -> ecarts.add("Plausibilité — "
                        + i.indicateur().libelle() + " — " + v.territoire().nom() + (v.periode().isBlank() ? "" : " " + v.periode())
                        + " : " + v.plausibilite())));
        ecarts.addAll(recoupements);
        Stream.of(eaje.places(), eaje.enfantsInscrits()).filter(Total::ecartSignale)
                .forEach(t -> ecarts.add("EAJE — " + t.libelle() + " : " + t.message()));
        alsh.enfantsParCategorie().stream().filter(Total::ecartSignale)
                .forEach(t -> ecarts.add("ALSH — " + t.libelle() + " : " + t.message()));
        financements.totaux().forEach(ligne -> {
            ligne.parAnnee().stream().filter(Total::ecartSignale)
                    .forEach(t -> ecarts.add("Financements Caf — " + t.libelle() + " " + t.annee() + " : " + t.message()));
            if (ligne.ecartEvolution()) {
                ecarts.add("Financements Caf — évolution de « " + ligne.libelle() + " » : imprimée " + ligne.evolutionImprimee().texte()
                        + " %, recalculée " + Valeur.formater(ligne.evolutionCalculee()) + " %");
            }
        });
        financements.secteurs().stream().filter(TableauFinancements.Secteur::ecartEvolution)
                .forEach(s -> ecarts.add("Financements Caf — évolution de « " + s.secteur() + " » : imprimée " + s.evolutionImprimee().texte()
                        + " %, recalculée " + Valeur.formater(s.evolutionCalculee()) + " %"));
        return ecarts;
    }

    public boolean estVide() {
        return sections.isEmpty() && eaje.estVide() && alsh.estVide() && financements.estVide() && afom.isEmpty();
    }
}
