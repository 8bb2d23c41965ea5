package fr.pilotectg.avenant;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.pilotectg.ao.AoService;
import fr.pilotectg.ao.Collectivite;
import fr.pilotectg.ao.LigneProjection;
import fr.pilotectg.ao.ModeAccueil;
import fr.pilotectg.convention.Convention;
import fr.pilotectg.plan.PlanService;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Limites;
import fr.pilotectg.shared.Saisie;
import fr.pilotectg.shared.Textes;
import org.springframework.stereotype.Component;

/**
 * The lines of an AO's projection table an avenant adds, changes or removes (ADR 0044). A line is named by its AO
 * (code or name) and its label; only its figures are contractual: {@code actuel} and {@code annee<year>} per year.
 */
@Component
class AvenantDeLAo {

    private final AoService ao;

    AvenantDeLAo(AoService ao) {
        this.ao = ao;
    }

    static boolean concerne(ChangementAvenant c) {
        return c.type() == TypeChangement.AO_LIGNE_AJOUTEE || c.type() == TypeChangement.AO_LIGNE_MODIFIEE
                || c.type() == TypeChangement.AO_LIGNE_RETIREE;
    }

    static String cle(ChangementAvenant c) {
        return Instantane.LigneAoFigee.cle(c.champs().get("ao"), c.champs().get("ligne"));
    }

    /** The lines of the projection tables in force, as the snapshot keeps them. */
    List<Instantane.LigneAoFigee> figer(Convention convention) {
        List<Integer> annees = PlanService.anneesPeriode(convention);
        return ao.vue(convention.id()).projections().stream().flatMap(p -> p.lignes().stream().map(l -> {
            Map<String, String> valeurs = new LinkedHashMap<>();
            valeurs.put("actuel", l.actuelTexte());
            annees.forEach(a -> valeurs.put("annee" + a, l.texteAnnee(a)));
            return new Instantane.LigneAoFigee(p.aoCode(), p.aoNom(), l.intitule(), l.mode().name(), valeurs);
        })).toList();
    }

    /**
     * Checks a change against the version in force; keeps {@code champs} ao (code), ligne (label), mode (added line)
     * and the figures typed, normalised; {@code titre} names the AO.
     */
    ChangementAvenant valider(Convention convention, Instantane actuel, ChangementAvenant c, String p, int i,
                              List<ErreurValidation.Erreur> erreurs) {
        String n = "Changement " + (i + 1) + " : ";
        List<Integer> annees = PlanService.anneesPeriode(convention);
        List<String> permis = new ArrayList<>(List.of("ao", "ligne", "mode", "actuel"));
        annees.forEach(a -> permis.add("annee" + a));
        for (String cle : c.champs().keySet()) {
            if (!permis.contains(cle)) {
                erreurs.add(new ErreurValidation.Erreur(p + "champs", n + "« " + Saisie.tronquer(cle)
                        + " » n'est pas un champ d'une ligne de projection de l'AO (" + String.join(", ", permis) + ")."));
                return null;
            }
        }
        String designation = c.champs().getOrDefault("ao", "").strip();
        Optional<Collectivite> collectivite = ao.collectivites(convention.id()).stream()
                .filter(x -> !designation.isEmpty() && (x.code().equalsIgnoreCase(designation)
                        || Textes.plier(x.nom()).equals(Textes.plier(designation)))).findFirst();
        if (collectivite.isEmpty()) {
            erreurs.add(new ErreurValidation.Erreur(p + "champs.ao", n + "l'AO est l'intercommunalité ou une commune du territoire"
                    + " de la convention (son code SIREN ou INSEE, ou son nom)."));
            return null;
        }
        Collectivite x = collectivite.get();
        ModeAccueil mode = null;
        if (c.type() == TypeChangement.AO_LIGNE_AJOUTEE) {
            mode = java.util.Arrays.stream(ModeAccueil.values()).filter(m -> m.name().equals(c.champs().getOrDefault("mode", "").strip()))
                    .findFirst().orElse(null);
            if (mode == null) {
                erreurs.add(new ErreurValidation.Erreur(p + "champs.mode", n + "le mode d'accueil de la ligne ajoutée est un de "
                        + String.join(", ", java.util.Arrays.stream(ModeAccueil.values()).map(Enum::name).toList()) + "."));
                return null;
            }
        } else if (c.champs().containsKey("mode")) {
            erreurs.add(new ErreurValidation.Erreur(p + "champs.mode", n + "le mode d'accueil ne s'indique que pour une ligne ajoutée."));
            return null;
        }
        String ligne = c.champs().getOrDefault("ligne", "").strip();
        if (ligne.isEmpty() && mode != null && mode != ModeAccueil.AUTRE) {
            ligne = mode.libelle();
        }
        if (ligne.isEmpty() || Saisie.probleme(ligne, Limites.TITRE) != null || ligne.contains("\n")) {
            erreurs.add(new ErreurValidation.Erreur(p + "champs.ligne", n + "nommez la ligne du tableau de projection (son intitulé,"
                    + " une ligne de " + Limites.TITRE + " caractères au plus)."));
            return null;
        }
        String cle = Instantane.LigneAoFigee.cle(x.code(), ligne);
        List<Instantane.LigneAoFigee> lignes = actuel.ao() == null ? List.of() : actuel.ao();
        Optional<Instantane.LigneAoFigee> enVigueur = lignes.stream().filter(l -> l.cle().equals(cle)).findFirst();
        if (c.type() == TypeChangement.AO_LIGNE_AJOUTEE && enVigueur.isPresent()) {
            erreurs.add(new ErreurValidation.Erreur(p + "champs.ligne", n + "l'AO " + x.nom() + " a déjà une ligne « " + ligne
                    + " » : changez ses chiffres (AO_LIGNE_MODIFIEE)."));
            return null;
        }
        if (c.type() != TypeChangement.AO_LIGNE_AJOUTEE && enVigueur.isEmpty()) {
            erreurs.add(new ErreurValidation.Erreur(p + "champs.ligne", n + "l'AO " + x.nom() + " n'a pas de ligne « " + ligne
                    + " » dans la version en vigueur."));
            return null;
        }
        Map<String, String> champs = new LinkedHashMap<>();
        champs.put("ao", x.code());
        champs.put("ligne", enVigueur.map(Instantane.LigneAoFigee::intitule).orElse(ligne));
        if (mode != null) {
            champs.put("mode", mode.name());
        }
        if (c.type() != TypeChangement.AO_LIGNE_RETIREE) {
            for (String champ : permis.subList(3, permis.size())) {
                if (!c.champs().containsKey(champ)) {
                    continue;
                }
                String saisie = c.champs().get(champ).replaceAll("[\\s\u00a0\u202f]", "").replace(',', '.');
                if (saisie.isEmpty()) {
                    champs.put(champ, "");
                    continue;
                }
                BigDecimal valeur;
                try {
                    valeur = new BigDecimal(saisie);
                } catch (NumberFormatException e) {
                    valeur = null;
                }
                if (valeur == null || valeur.signum() < 0 || valeur.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
                    erreurs.add(new ErreurValidation.Erreur(p + "champs." + champ, n + "« " + libelle(champ)
                            + " » est un nombre positif (par exemple 12 ou 2,5)."));
                    return null;
                }
                champs.put(champ, court(valeur).toPlainString());
            }
        }
        return new ChangementAvenant(c.type(), null, null, null, null, x.nom(), champs, null, null, null);
    }

    /** "actuel" → "nombre actuel", "annee2027" → "2027". */
    static String libelle(String champ) {
        return champ.startsWith("annee") ? champ.substring("annee".length()) : "nombre actuel";
    }

    /** "nombre actuel 8, 2027 3, 2028 —". */
    static String resume(Instantane.LigneAoFigee l) {
        return String.join(", ", l.valeurs().entrySet().stream().map(e -> libelle(e.getKey()) + " " + e.getValue()).toList());
    }

    /** The lines in force with this change made, as the snapshot taken after signature will show them. */
    static void simuler(List<Instantane.LigneAoFigee> lignes, ChangementAvenant c) {
        String cle = cle(c);
        if (c.type() == TypeChangement.AO_LIGNE_RETIREE) {
            lignes.removeIf(l -> l.cle().equals(cle));
        } else if (c.type() == TypeChangement.AO_LIGNE_MODIFIEE) {
            lignes.replaceAll(l -> l.cle().equals(cle) ? new Instantane.LigneAoFigee(l.aoCode(), l.aoNom(), l.intitule(), l.mode(),
                    valeurs(l.valeurs(), c.champs())) : l);
        } else {
            Map<String, String> vides = new LinkedHashMap<>();
            vides.put("actuel", "—");
            lignes.stream().filter(l -> l.aoCode().equals(c.champs().get("ao"))).findFirst().or(() -> lignes.stream().findFirst())
                    .ifPresent(l -> l.valeurs().keySet().forEach(k -> vides.put(k, "—")));
            int apres = -1;
            for (int k = 0; k < lignes.size(); k++) {
                if (lignes.get(k).aoCode().equals(c.champs().get("ao"))) {
                    apres = k;
                }
            }
            Instantane.LigneAoFigee nouvelle = new Instantane.LigneAoFigee(c.champs().get("ao"), c.titre(), c.champs().get("ligne"),
                    c.champs().get("mode"), valeurs(vides, c.champs()));
            lignes.add(apres < 0 ? lignes.size() : apres + 1, nouvelle);
        }
    }

    private static Map<String, String> valeurs(Map<String, String> avant, Map<String, String> champs) {
        Map<String, String> valeurs = new LinkedHashMap<>(avant);
        champs.forEach((k, v) -> {
            if (k.equals("actuel") || k.startsWith("annee")) {
                valeurs.put(k, v.isEmpty() ? "—" : v.replace('.', ','));
            }
        });
        return valeurs;
    }

    /** Applies the change through the AO's service; a figure changed drops the words printed next to the old one. */
    void appliquer(long conventionId, ChangementAvenant c) {
        String code = c.champs().get("ao");
        List<LigneProjection> lignes = ao.lignesDe(conventionId, code);
        int version = ao.vue(conventionId).versionProjection();
        Integer index = null;
        for (int k = 0; k < lignes.size(); k++) {
            if (Textes.plier(lignes.get(k).intitule()).equals(Textes.plier(c.champs().get("ligne")))) {
                index = k;
            }
        }
        if (index == null != (c.type() == TypeChangement.AO_LIGNE_AJOUTEE)) {
            // The table was edited directly since the draft: the line is gone, or one of that label now exists.
            throw new ConflitDeModification("Le tableau de projection de l'AO " + c.titre() + " a changé depuis la rédaction de l'avenant"
                    + " (ligne « " + c.champs().get("ligne") + " ») : rédigez un nouvel avenant.");
        }
        if (c.type() == TypeChangement.AO_LIGNE_RETIREE) {
            ao.retirerLigne(conventionId, version, code, index);
            return;
        }
        LigneProjection l = index == null ? new LigneProjection(ModeAccueil.valueOf(c.champs().get("mode")),
                ModeAccueil.valueOf(c.champs().get("mode")).libelle().equals(c.champs().get("ligne")) ? null : c.champs().get("ligne"),
                null, null, List.of(), null, null, null, null, null) : lignes.get(index);
        BigDecimal actuel = l.actuel();
        String precision = l.actuelPrecision();
        if (c.champs().containsKey("actuel")) {
            actuel = nombre(c.champs().get("actuel"));
            precision = null;
        }
        Map<Integer, LigneProjection.ValeurAnnee> annees = new java.util.TreeMap<>();
        l.annees().forEach(a -> annees.put(a.annee(), a));
        c.champs().forEach((k, v) -> {
            if (k.startsWith("annee")) {
                int annee = Integer.parseInt(k.substring("annee".length()));
                if (v.isEmpty()) {
                    annees.remove(annee);
                } else {
                    annees.put(annee, new LigneProjection.ValeurAnnee(annee, nombre(v), null));
                }
            }
        });
        ao.enregistrerLigne(conventionId, version, code, index, new LigneProjection(l.mode(), l.libelle(), actuel, precision,
                new ArrayList<>(annees.values()), l.besoinsEmploisCompetences(), l.autresBesoins(), l.projetsType(),
                l.projetsCoutCalendrier(), l.ingenierie()));
    }

    private static BigDecimal nombre(String texte) {
        return texte == null || texte.isEmpty() ? null : new BigDecimal(texte);
    }

    private static BigDecimal court(BigDecimal valeur) {
        BigDecimal court = valeur.stripTrailingZeros();
        return court.scale() < 0 ? court.setScale(0) : court;
    }
}
