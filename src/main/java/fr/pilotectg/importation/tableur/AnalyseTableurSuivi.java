package fr.pilotectg.importation.tableur;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.documents.TableurColonne;
import fr.pilotectg.documents.TableurFeuille;
import fr.pilotectg.documents.TableursExportes;
import fr.pilotectg.plan.PlanService;
import fr.pilotectg.suivi.LigneSuivi;
import fr.pilotectg.suivi.MiseAJour;
import fr.pilotectg.suivi.NouvelleMiseAJour;
import fr.pilotectg.suivi.StatutSuivi;
import fr.pilotectg.suivi.SuiviService;
import fr.pilotectg.suivi.TableauSuivi;
import org.springframework.stereotype.Component;

/**
 * Reads back the follow-up table: a row whose follow-up cells (date, status, progress, texts) differ from the fiche's
 * current update adds an update with the row's values. An empty date or progress means « unchanged » (the date of an
 * added update is then today), so that the same file imported twice adds nothing the second time (ADR 0036).
 */
@Component
class AnalyseTableurSuivi {

    static final String FEUILLE = "Suivi";
    private static final String REFERENCE = "Référence";
    private static final String DATE = "Date du point";
    private static final String STATUT = "Statut";
    private static final String AVANCEMENT = "Avancement (%)";
    private static final String MISE_EN_OEUVRE = "Mise en œuvre";
    private static final String REALISATIONS = "Réalisations";
    private static final String DIFFICULTES = "Difficultés";
    private static final List<String> SUIVIES = List.of(DATE, STATUT, AVANCEMENT, MISE_EN_OEUVRE, REALISATIONS, DIFFICULTES);
    private static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private final ConventionService conventions;
    private final PlanService plans;
    private final SuiviService suivi;
    private final TableursExportes exports;
    private final Clock horloge;

    AnalyseTableurSuivi(ConventionService conventions, PlanService plans, SuiviService suivi, TableursExportes exports, Clock horloge) {
        this.conventions = conventions;
        this.plans = plans;
        this.suivi = suivi;
        this.exports = exports;
        this.horloge = horloge;
    }

    AnalyseTableurPlan.Resultat analyser(long conventionId, FeuilleLue feuille) {
        Convention convention = conventions.convention(conventionId);
        TableauSuivi tableau = suivi.tableau(conventionId);
        TableurFeuille export = exports.suivi(tableau);
        List<String> attendues = export.colonnes().stream().map(TableurColonne::titre).toList();
        Map<String, Integer> rangExport = new HashMap<>();
        for (int i = 0; i < attendues.size(); i++) {
            rangExport.putIfAbsent(attendues.get(i), i);
        }
        Constat constat = new Constat(feuille.nom());
        Colonnes colonnes = new Colonnes(feuille.entetes(), attendues);
        for (String requise : List.of(REFERENCE, TableursExportes.VERSION)) {
            if (!colonnes.presente(requise)) {
                constat.erreur(1, requise, "colonne introuvable (titres lus : " + String.join(", ", colonnes.inconnues())
                        + ") : gardez les titres de colonnes du tableau exporté ; l'ordre des colonnes, lui, est libre.");
            }
        }
        colonnes.doublons().forEach(d -> constat.erreur(1, d, "colonne en double."));
        colonnes.inconnues().forEach(c -> constat.avertissements.add("Colonne « " + c + " » inconnue : ignorée."));
        SUIVIES.stream().filter(c -> !colonnes.presente(c))
                .forEach(c -> constat.avertissements.add("Colonne « " + c + " » absente : ses valeurs ne changent pas."));
        if (!constat.erreurs.isEmpty()) {
            return new AnalyseTableurPlan.Resultat(constat.apercu("suivi", feuille.lignes().size()), List.of());
        }
        Map<String, LigneSuivi> parReference = new HashMap<>();
        tableau.lignes().forEach(l -> parReference.putIfAbsent(Canonique.comparable(l.fiche().reference()), l));
        Map<String, List<Object>> lignesExport = new HashMap<>();
        for (List<Object> ligne : export.lignes()) {
            lignesExport.putIfAbsent(Canonique.comparable(TableursExportes.texte(ligne.get(rangExport.get(REFERENCE)))), ligne);
        }
        Set<String> ignorees = new LinkedHashSet<>();
        Map<Long, Integer> dejaVues = new HashMap<>();
        List<OperationTableur> operations = new ArrayList<>();
        for (FeuilleLue.LigneLue ligne : feuille.lignes()) {
            String reference = Canonique.texte(ligne.cellule(colonnes.index(REFERENCE)));
            LigneSuivi courante = parReference.get(Canonique.comparable(reference));
            if (courante == null) {
                constat.erreur(ligne.numero(), REFERENCE, "la fiche « " + Constat.court(reference) + " » n'est pas dans le plan : "
                        + "le tableau de suivi ne crée pas de fiche (importez le tableau du plan pour cela).");
                continue;
            }
            Integer avant = dejaVues.put(courante.fiche().id(), ligne.numero());
            if (avant != null) {
                constat.erreur(ligne.numero(), REFERENCE, "la fiche « " + reference + " » est déjà sur la ligne " + avant + ".");
                continue;
            }
            List<Object> exportee = lignesExport.get(Canonique.comparable(courante.fiche().reference()));
            Map<String, String[]> differences = new LinkedHashMap<>();
            for (String colonne : attendues) {
                if (colonne.equals(REFERENCE) || colonne.equals(TableursExportes.VERSION) || !colonnes.presente(colonne)) {
                    continue;
                }
                String ancien = exportee == null ? "" : TableursExportes.texte(exportee.get(rangExport.get(colonne)));
                String nouveau = ligne.cellule(colonnes.index(colonne));
                boolean videInchange = (colonne.equals(DATE) || colonne.equals(AVANCEMENT)) && Canonique.texte(nouveau).isEmpty();
                if (!videInchange && !Canonique.comparable(ancien).equals(Canonique.comparable(nouveau))) {
                    if (SUIVIES.contains(colonne)) {
                        differences.put(colonne, new String[] {Canonique.texte(ancien), Canonique.texte(nouveau)});
                    } else {
                        ignorees.add(colonne);
                    }
                }
            }
            if (differences.isEmpty()) {
                continue;
            }
            MiseAJour derniere = courante.derniere();
            String version = Canonique.texte(ligne.cellule(colonnes.index(TableursExportes.VERSION)));
            String attendue = String.valueOf(derniere == null ? 0 : derniere.id());
            if (!Canonique.comparable(version).equals(attendue)) {
                constat.erreur(ligne.numero(), TableursExportes.VERSION, "conflit : la fiche « " + courante.fiche().reference()
                        + " » a reçu une mise à jour dans Pilote CTG depuis l'export" + (derniere == null ? ""
                        : " (point du " + TableursExportes.texte(derniere.datePoint()) + (derniere.auteur() == null ? "" : " par "
                        + derniere.auteur()) + ")") + " ; le fichier change " + String.join(", ", differences.keySet().stream()
                        .map(c -> "« " + c + " »").toList()) + ". Exportez à nouveau le tableau de suivi et reportez-y ces changements.");
                continue;
            }
            if (!plans.peutModifier(convention, courante.fiche())) {
                constat.refus(ligne.numero(), null, "vous pouvez consulter le suivi de la fiche « " + courante.fiche().reference()
                        + " » mais pas le mettre à jour (seuls ses porteurs et les gestionnaires de la convention le peuvent).");
                continue;
            }
            int erreurs = constat.erreurs.size();
            NouvelleMiseAJour saisie = saisie(ligne, colonnes, courante, tableau.statuts(), convention, constat);
            if (constat.erreurs.size() == erreurs) {
                StringBuilder ancien = new StringBuilder();
                StringBuilder nouveau = new StringBuilder();
                differences.forEach((colonne, valeurs) -> {
                    ancien.append(ancien.isEmpty() ? "" : " ; ").append(colonne).append(" : ").append(Constat.court(valeurs[0]));
                    nouveau.append(nouveau.isEmpty() ? "" : " ; ").append(colonne).append(" : ").append(Constat.court(valeurs[1]));
                });
                constat.changement(ligne.numero(), courante.fiche().reference(), "mise à jour ajoutée",
                        String.join(", ", differences.keySet()), ancien.toString(), nouveau.toString());
                operations.add(new OperationTableur.AjoutMiseAJour(courante.fiche().id(), saisie));
            }
        }
        ignorees.forEach(c -> constat.avertissements.add("Colonne « " + c + " » : ses changements ne sont pas importés "
                + "(elle se modifie sur la page de la fiche)."));
        return new AnalyseTableurPlan.Resultat(constat.apercu("suivi", feuille.lignes().size()), operations);
    }

    private NouvelleMiseAJour saisie(FeuilleLue.LigneLue ligne, Colonnes colonnes, LigneSuivi courante, List<StatutSuivi> statuts,
                                     Convention convention, Constat constat) {
        MiseAJour m = courante.derniere();
        String statut = courante.statut() == null ? null : courante.statut().code();
        String libelle = Canonique.texte(ligne.cellule(colonnes.index(STATUT)));
        if (colonnes.presente(STATUT) && !libelle.isEmpty()) {
            statut = statuts.stream().filter(s -> Canonique.nom(s.libelle()).equals(Canonique.nom(libelle)) || s.code().equals(libelle))
                    .map(StatutSuivi::code).findFirst().orElse(null);
            if (statut == null) {
                constat.erreur(ligne.numero(), STATUT, "statut « " + Constat.court(libelle) + " » inconnu : statuts de la convention "
                        + String.join(", ", statuts.stream().map(StatutSuivi::libelle).toList()) + ".");
            }
        } else if (statut == null) {
            constat.erreur(ligne.numero(), STATUT, "le statut est obligatoire pour une mise à jour.");
        }
        Integer avancement = m == null ? null : m.avancement();
        String texteAvancement = Canonique.texte(ligne.cellule(colonnes.index(AVANCEMENT))).replace("%", "").strip();
        if (!texteAvancement.isEmpty()) {
            try {
                BigDecimal lu = new BigDecimal(texteAvancement.replace(',', '.'));
                if (lu.compareTo(BigDecimal.ZERO) < 0 || lu.compareTo(BigDecimal.valueOf(100)) > 0 || lu.stripTrailingZeros().scale() > 0) {
                    throw new NumberFormatException();
                }
                avancement = lu.intValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                constat.erreur(ligne.numero(), AVANCEMENT, "avancement « " + Constat.court(texteAvancement)
                        + " » invalide : un nombre entier de 0 à 100.");
            }
        }
        LocalDate aujourdhui = LocalDate.now(horloge);
        LocalDate date = aujourdhui;
        String texteDate = Canonique.texte(ligne.cellule(colonnes.index(DATE)));
        if (!texteDate.isEmpty()) {
            date = date(texteDate);
            if (date == null) {
                constat.erreur(ligne.numero(), DATE, "date « " + Constat.court(texteDate) + " » invalide (attendu : jj/mm/aaaa).");
            } else if (date.isAfter(aujourdhui)) {
                constat.erreur(ligne.numero(), DATE, "date « " + texteDate + " » dans le futur.");
            } else if ((convention.periode().dateDebut() != null && date.isBefore(convention.periode().dateDebut()))
                    || (convention.periode().dateFin() != null && date.isAfter(convention.periode().dateFin()))) {
                constat.erreur(ligne.numero(), DATE, "date « " + texteDate + " » hors de la période de la convention ("
                        + convention.periode().libelle() + ").");
            }
        }
        return new NouvelleMiseAJour(statut, avancement, date,
                texte(ligne, colonnes, MISE_EN_OEUVRE, m == null ? null : m.miseEnOeuvre()),
                texte(ligne, colonnes, REALISATIONS, m == null ? null : m.realisations()),
                texte(ligne, colonnes, DIFFICULTES, m == null ? null : m.difficultes()));
    }

    private static String texte(FeuilleLue.LigneLue ligne, Colonnes colonnes, String colonne, String actuel) {
        if (!colonnes.presente(colonne)) {
            return actuel;
        }
        String texte = Canonique.texte(ligne.cellule(colonnes.index(colonne)));
        return texte.isEmpty() ? null : texte;
    }

    static LocalDate date(String texte) {
        for (DateTimeFormatter format : List.of(JOUR, ISO)) {
            try {
                return LocalDate.parse(texte, format);
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        return null;
    }
}
