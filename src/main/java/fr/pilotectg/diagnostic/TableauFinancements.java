package fr.pilotectg.diagnostic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Caf financing by sector and year: amounts, printed weights, evolution between the first and last year
 * recomputed on the first year's printed amount beside the printed one, and the printed totals beside the sum of
 * their rows.
 */
public record TableauFinancements(List<Integer> annees, List<Secteur> secteurs, List<LigneDeTotal> totaux) {

    /** One sector: its amounts and weights in the order of {@code annees}. */
    public record Secteur(String secteur, String categorie, List<Valeur> montants, List<Valeur> poids,
                          BigDecimal evolutionCalculee, Valeur evolutionImprimee, boolean ecartEvolution) {
    }

    /** A printed total: one {@link Total} per year, and its evolution. */
    public record LigneDeTotal(String libelle, List<Total> parAnnee, BigDecimal evolutionCalculee, Valeur evolutionImprimee,
                               boolean ecartEvolution) {
    }

    static TableauFinancements de(List<LigneFinancement> lignes, List<ChiffreImprime> imprimes) {
        List<Integer> annees = lignes.stream().map(LigneFinancement::annee).distinct().sorted().toList();
        Map<String, List<LigneFinancement>> parSecteur = lignes.stream()
                .collect(Collectors.groupingBy(LigneFinancement::secteur, LinkedHashMap::new, Collectors.toList()));
        List<Secteur> secteurs = new ArrayList<>();
        parSecteur.forEach((secteur, ses) -> {
            List<Valeur> montants = parAnnee(annees, ses, LigneFinancement::montant);
            BigDecimal evolution = evolution(montants);
            Valeur imprimee = imprime(imprimes, TableauImprime.EVOLUTION, secteur, null);
            secteurs.add(new Secteur(secteur, ses.get(0).categorie(), montants, parAnnee(annees, ses, LigneFinancement::poids),
                    evolution, imprimee, ecart(evolution, imprimee)));
        });
        List<LigneDeTotal> totaux = new ArrayList<>();
        imprimes.stream().filter(c -> c.tableau() == TableauImprime.FINANCEMENT).map(ChiffreImprime::cle).distinct().forEach(libelle -> {
            List<Total> parAnnee = annees.stream().map(annee -> total(libelle, annee, lignes, imprimes)).toList();
            // As for a sector, the printed evolution is checked against the printed amounts of its row.
            List<Valeur> montants = parAnnee.stream().map(t -> t.imprime() != null ? t.imprime()
                    : t.calcule() == null ? null : Valeur.de(t.calcule())).toList();
            BigDecimal evolution = evolution(montants);
            Valeur imprimee = imprime(imprimes, TableauImprime.EVOLUTION, libelle, null);
            totaux.add(new LigneDeTotal(libelle, parAnnee, evolution, imprimee, ecart(evolution, imprimee)));
        });
        return new TableauFinancements(annees, secteurs, totaux);
    }

    private static Total total(String libelle, int annee, List<LigneFinancement> lignes, List<ChiffreImprime> imprimes) {
        ChiffreImprime chiffre = imprimes.stream().filter(c -> c.tableau() == TableauImprime.FINANCEMENT
                && c.cle().equals(libelle) && Objects.equals(c.annee(), annee)).findFirst().orElse(null);
        Valeur imprime = chiffre == null ? null : chiffre.valeur();
        if (chiffre == null || chiffre.composantes().isEmpty()) {
            return Total.de(libelle, annee, "€", null, imprime, List.of());
        }
        List<LigneFinancement> composantes = lignes.stream()
                .filter(l -> l.annee() == annee && chiffre.composantes().contains(l.categorie())).toList();
        BigDecimal somme = composantes.stream().filter(l -> l.montant().estNombre()).map(l -> l.montant().nombre())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<String> masquees = composantes.stream().filter(l -> !l.montant().estNombre())
                .map(l -> l.secteur() + " « " + l.montant().texte() + " »").toList();
        return Total.de(libelle, annee, "€", composantes.isEmpty() ? null : somme, imprime, masquees);
    }

    private static List<Valeur> parAnnee(List<Integer> annees, List<LigneFinancement> lignes, Function<LigneFinancement, Valeur> colonne) {
        // A row may lack a column (no weight printed): the cell is then empty, never an error.
        return annees.stream().map(a -> lignes.stream().filter(l -> l.annee() == a).findFirst().map(colonne).orElse(null)).toList();
    }

    /** (last − first) / first × 100, to two decimals; null when either is missing, masked or zero. */
    static BigDecimal evolution(List<Valeur> valeurs) {
        if (valeurs.size() < 2) {
            return null;
        }
        Valeur premiere = valeurs.get(0);
        Valeur derniere = valeurs.get(valeurs.size() - 1);
        if (premiere == null || derniere == null || !premiere.estNombre() || !derniere.estNombre() || premiere.nombre().signum() == 0) {
            return null;
        }
        return derniere.nombre().subtract(premiere.nombre()).multiply(BigDecimal.valueOf(100))
                .divide(premiere.nombre(), 2, RoundingMode.HALF_UP);
    }

    private static boolean ecart(BigDecimal calcule, Valeur imprime) {
        return calcule != null && imprime != null && imprime.estNombre()
                && calcule.setScale(imprime.nombre().scale(), RoundingMode.HALF_UP).compareTo(imprime.nombre()) != 0;
    }

    private static Valeur imprime(List<ChiffreImprime> imprimes, TableauImprime tableau, String cle, Integer annee) {
        return imprimes.stream().filter(c -> c.tableau() == tableau && c.cle().equals(cle) && Objects.equals(c.annee(), annee))
                .map(ChiffreImprime::valeur).findFirst().orElse(null);
    }

    public boolean estVide() {
        return secteurs.isEmpty() && totaux.isEmpty();
    }
}
