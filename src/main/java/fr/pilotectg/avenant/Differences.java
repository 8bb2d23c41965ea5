package fr.pilotectg.avenant;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import fr.pilotectg.avenant.Difference.Genre;
import fr.pilotectg.avenant.Difference.Ligne;
import fr.pilotectg.plan.Montants;
import fr.pilotectg.shared.FormatFr;
import fr.pilotectg.texte.TexteRiche;

/** The readable differences between two snapshots of a convention (pure function, ADR 0025). */
final class Differences {

    /** Beyond this many lines on either side, a changed text is shown whole (removed, then added). */
    private static final int LIGNES_MAX_LCS = 1500;

    private Differences() {
    }

    static List<Difference> entre(Instantane a, Instantane b) {
        List<Difference> d = new ArrayList<>();
        if (!Objects.equals(a.titre(), b.titre())) {
            d.add(Difference.simple(Genre.CONVENTION, "Titre de la convention modifié : « " + a.titre() + " » → « " + b.titre() + " »"));
        }
        periode(a, b, d);
        parties(a, b, d);
        sections(a, b, d);
        noeuds(a, b, d);
        fiches(a, b, d);
        services(a, b, d);
        financements(a, b, d);
        lignesAo(a, b, d);
        return d;
    }

    /** AO projection lines by AO and label: added, removed, or one line per figure changed. */
    private static void lignesAo(Instantane a, Instantane b, List<Difference> d) {
        if (a.ao() == null || b.ao() == null) {
            return;
        }
        Map<String, Instantane.LigneAoFigee> apres = new LinkedHashMap<>();
        b.ao().forEach(l -> apres.put(l.cle(), l));
        java.util.Set<String> avant = new java.util.HashSet<>();
        for (Instantane.LigneAoFigee l : a.ao()) {
            avant.add(l.cle());
            Instantane.LigneAoFigee m = apres.get(l.cle());
            String nom = "AO " + l.aoNom() + " : ligne « " + l.intitule() + " »";
            if (m == null) {
                d.add(Difference.simple(Genre.AO, nom + " retirée"));
                continue;
            }
            java.util.Set<String> champs = new java.util.LinkedHashSet<>(l.valeurs().keySet());
            champs.addAll(m.valeurs().keySet());
            for (String champ : champs) {
                String x = l.valeurs().getOrDefault(champ, "—");
                String y = m.valeurs().getOrDefault(champ, "—");
                if (!x.equals(y)) {
                    d.add(Difference.simple(Genre.AO, nom + " : " + AvenantDeLAo.libelle(champ) + " « " + x + " » → « " + y + " »"));
                }
            }
        }
        b.ao().stream().filter(l -> !avant.contains(l.cle())).forEach(l -> d.add(Difference.simple(Genre.AO,
                "AO " + l.aoNom() + " : ligne « " + l.intitule() + " » ajoutée (" + AvenantDeLAo.resume(l) + ")")));
    }

    /** Planned financing lines by fiche, year and funder; the lines of a fiche removed go with it (said once, for the fiche). */
    private static void financements(Instantane a, Instantane b, List<Difference> d) {
        if (a.financements() == null || b.financements() == null) {
            return;
        }
        Map<Long, String> fiches = new LinkedHashMap<>();
        a.fiches().forEach(f -> fiches.put(f.id(), f.reference() == null ? "« " + f.titre() + " »" : f.reference()));
        b.fiches().stream().filter(f -> f.id() != null).forEach(f -> fiches.put(f.id(), f.reference() == null ? "« " + f.titre() + " »" : f.reference()));
        java.util.Set<Long> restantes = new java.util.HashSet<>();
        b.fiches().stream().filter(f -> f.id() != null).forEach(f -> restantes.add(f.id()));
        Map<String, Instantane.FinancementFige> avant = new LinkedHashMap<>();
        a.financements().forEach(l -> avant.put(l.cle(), l));
        Map<String, Instantane.FinancementFige> apres = new LinkedHashMap<>();
        b.financements().forEach(l -> apres.put(l.cle(), l));
        for (Instantane.FinancementFige l : a.financements()) {
            Instantane.FinancementFige m = apres.get(l.cle());
            String nom = fiches.getOrDefault(l.ficheId(), "la fiche") + " : financement " + l.libelle();
            if (m == null && restantes.contains(l.ficheId())) {
                d.add(Difference.simple(Genre.FINANCEMENT, nom + " retiré (prévu " + Montants.texte(l.prevuCentimes()) + ")"));
            } else if (m != null && !Objects.equals(l.prevuCentimes(), m.prevuCentimes())) {
                d.add(Difference.simple(Genre.FINANCEMENT, nom + " : prévu " + Montants.texte(m.prevuCentimes()) + " au lieu de "
                        + Montants.texte(l.prevuCentimes())));
            }
        }
        b.financements().stream().filter(l -> !avant.containsKey(l.cle())).forEach(l -> d.add(Difference.simple(Genre.FINANCEMENT,
                fiches.getOrDefault(l.ficheId(), "la fiche") + " : financement " + l.libelle() + " ajouté, prévu "
                        + Montants.texte(l.prevuCentimes()))));
    }

    private static void periode(Instantane a, Instantane b, List<Difference> d) {
        if (!Objects.equals(a.dateDebut(), b.dateDebut())) {
            d.add(Difference.simple(Genre.PERIODE, "Début de la période modifié : le " + date(b.dateDebut()) + " au lieu du "
                    + date(a.dateDebut())));
        }
        if (!Objects.equals(a.dateFin(), b.dateFin())) {
            String sens = a.dateFin() != null && b.dateFin() != null
                    ? (b.dateFin().isAfter(a.dateFin()) ? "Période prolongée" : "Période raccourcie") : "Fin de la période modifiée";
            d.add(Difference.simple(Genre.PERIODE, sens + " : fin le " + date(b.dateFin()) + " au lieu du " + date(a.dateFin())));
        } else if (!Objects.equals(a.dureeAnnees(), b.dureeAnnees()) && a.dateFin() == null) {
            d.add(Difference.simple(Genre.PERIODE, "Durée modifiée : " + b.dureeAnnees() + " ans au lieu de " + a.dureeAnnees()));
        }
    }

    private static void parties(Instantane a, Instantane b, List<Difference> d) {
        Map<Long, Instantane.PartieFigee> avant = new LinkedHashMap<>();
        a.parties().forEach(p -> avant.put(p.organisationId(), p));
        Map<Long, Instantane.PartieFigee> apres = new LinkedHashMap<>();
        b.parties().forEach(p -> apres.put(p.organisationId(), p));
        for (Instantane.PartieFigee p : a.parties()) {
            Instantane.PartieFigee q = apres.get(p.organisationId());
            if (q == null) {
                d.add(Difference.simple(Genre.PARTIE, "Partie retirée : " + p.nom()));
            } else if (!p.representants().equals(q.representants()) || !Objects.equals(p.role(), q.role())) {
                d.add(new Difference(Genre.PARTIE, "Représentation de " + p.nom() + " modifiée",
                        lignes(String.join("\n", p.representants()), String.join("\n", q.representants()))));
            }
        }
        b.parties().stream().filter(p -> !avant.containsKey(p.organisationId()))
                .forEach(p -> d.add(Difference.simple(Genre.PARTIE, "Partie ajoutée : " + p.nom()
                        + (p.representants().isEmpty() ? "" : " (" + String.join(" ; ", p.representants()) + ")"))));
    }

    private static void sections(Instantane a, Instantane b, List<Difference> d) {
        int n = Math.max(a.sections().size(), b.sections().size());
        for (int i = 0; i < n; i++) {
            Instantane.SectionFigee s = i < a.sections().size() ? a.sections().get(i) : null;
            Instantane.SectionFigee t = i < b.sections().size() ? b.sections().get(i) : null;
            if (s == null) {
                d.add(new Difference(Genre.SECTION, t.intitule() + " ajouté", lignes("", t.html())));
            } else if (t == null) {
                d.add(new Difference(Genre.SECTION, s.intitule() + " retiré", lignes(s.html(), "")));
            } else if (!Objects.equals(s.titre(), t.titre()) || !Objects.equals(s.html(), t.html())) {
                String libelle = t.intitule() + " modifié" + (Objects.equals(s.titre(), t.titre()) ? ""
                        : " (titre : « " + s.titre() + " » → « " + t.titre() + " »)");
                d.add(new Difference(Genre.SECTION, libelle, lignes(s.html(), t.html())));
            }
        }
    }

    private static void noeuds(Instantane a, Instantane b, List<Difference> d) {
        Map<Long, Instantane.NoeudFige> apres = new LinkedHashMap<>();
        b.noeuds().forEach(x -> apres.put(x.id(), x));
        Map<Long, Instantane.NoeudFige> avant = new LinkedHashMap<>();
        a.noeuds().forEach(x -> avant.put(x.id(), x));
        for (Instantane.NoeudFige x : a.noeuds()) {
            Instantane.NoeudFige y = apres.get(x.id());
            if (y == null) {
                d.add(Difference.simple(Genre.NOEUD, x.niveau() + " " + ref(x.reference()) + "retiré(e) : « " + x.titre() + " »"));
            } else if (!Objects.equals(x.titre(), y.titre())) {
                d.add(Difference.simple(Genre.NOEUD, "Titre de " + x.niveau() + " " + ref(x.reference()) + "modifié : « "
                        + x.titre() + " » → « " + y.titre() + " »"));
            }
        }
        b.noeuds().stream().filter(x -> x.id() == null || !avant.containsKey(x.id())).forEach(x -> d.add(Difference.simple(
                Genre.NOEUD, x.niveau() + " " + ref(x.reference()) + "ajouté(e) : « " + x.titre() + " »")));
    }

    private static void fiches(Instantane a, Instantane b, List<Difference> d) {
        Map<Long, Instantane.FicheFigee> apres = new LinkedHashMap<>();
        b.fiches().stream().filter(f -> f.id() != null).forEach(f -> apres.put(f.id(), f));
        Map<Long, Instantane.FicheFigee> avant = new LinkedHashMap<>();
        a.fiches().forEach(f -> avant.put(f.id(), f));
        Map<Long, String> emplacements = new LinkedHashMap<>();
        b.noeuds().forEach(n -> emplacements.put(n.id(), n.niveau() + " " + ref(n.reference()) + "« " + n.titre() + " »"));
        for (Instantane.FicheFigee f : a.fiches()) {
            Instantane.FicheFigee g = apres.get(f.id());
            if (g == null) {
                d.add(Difference.simple(Genre.FICHE, nom(f) + " supprimée : « " + f.titre() + " »"));
                continue;
            }
            if (!Objects.equals(f.titre(), g.titre())) {
                d.add(Difference.simple(Genre.FICHE, "Titre de " + nom(f) + " modifié : « " + f.titre() + " » → « " + g.titre() + " »"));
            }
            if (!Objects.equals(f.reference(), g.reference())) {
                d.add(Difference.simple(Genre.FICHE, nom(f) + " renumérotée : " + g.reference()));
            }
            if (!Objects.equals(f.noeudId(), g.noeudId())) {
                d.add(Difference.simple(Genre.FICHE, nom(f) + " déplacée sous " + emplacements.getOrDefault(g.noeudId(), "le plan")));
            }
            for (String cle : cles(f.champs(), g.champs())) {
                String x = f.champs().getOrDefault(cle, "");
                String y = g.champs().getOrDefault(cle, "");
                if (!x.equals(y)) {
                    d.add(new Difference(Genre.FICHE, nom(f) + " : « " + cle + " » modifié", lignes(x, y)));
                }
            }
            if (!f.annees().equals(g.annees())) {
                d.add(Difference.simple(Genre.FICHE, nom(f) + " : années prévues " + g.annees() + " au lieu de " + f.annees()));
            }
        }
        b.fiches().stream().filter(f -> f.id() == null || !avant.containsKey(f.id()))
                .forEach(f -> d.add(Difference.simple(Genre.FICHE, (f.reference() == null ? "Fiche" : f.reference())
                        + " ajoutée : « " + f.titre() + " »"
                        + (f.noeudId() == null ? "" : " (sous " + emplacements.getOrDefault(f.noeudId(), "le plan") + ")"))));
    }

    private static void services(Instantane a, Instantane b, List<Difference> d) {
        if (a.services() == null || b.services() == null) {
            return;
        }
        java.util.Set<Long> apres = new java.util.HashSet<>();
        b.services().stream().filter(s -> s.id() != null).forEach(s -> apres.add(s.id()));
        java.util.Set<Long> avant = new java.util.HashSet<>();
        a.services().forEach(s -> avant.add(s.id()));
        a.services().stream().filter(s -> !apres.contains(s.id()))
                .forEach(s -> d.add(Difference.simple(Genre.SERVICE, "Service retiré : " + s.libelle())));
        Map<Long, Instantane.ServiceFige> parId = new LinkedHashMap<>();
        b.services().stream().filter(s -> s.id() != null).forEach(s -> parId.put(s.id(), s));
        for (Instantane.ServiceFige s : a.services()) {
            Instantane.ServiceFige t = parId.get(s.id());
            if (t == null) {
                continue;
            }
            String nom = "Service " + s.typeImprime() + (s.nom() == null ? "" : " « " + s.nom() + " »");
            champService(d, nom, "type", s.typeImprime(), t.typeImprime());
            champService(d, nom, "nom", s.nom(), t.nom());
            champService(d, nom, "gestionnaire", s.gestionnaire(), t.gestionnaire());
            champService(d, nom, "commune", s.commune(), t.commune());
            champService(d, nom, "capacité", s.capacite() == null ? null : s.capacite() + " places",
                    t.capacite() == null ? null : t.capacite() + " places");
        }
        b.services().stream().filter(s -> s.id() == null || !avant.contains(s.id()))
                .forEach(s -> d.add(Difference.simple(Genre.SERVICE, "Service ajouté : " + s.libelle())));
    }

    /** "Service Relais petite enfance « Les Monts » : capacité « 12 places » → « 20 places »". */
    private static void champService(List<Difference> d, String service, String champ, String avant, String apres) {
        if (!Objects.equals(avant, apres)) {
            d.add(Difference.simple(Genre.SERVICE, service + " : " + champ + " " + valeur(avant) + " → " + valeur(apres)));
        }
    }

    private static String valeur(String texte) {
        return texte == null ? "(vide)" : "« " + texte + " »";
    }

    private static List<String> cles(Map<String, String> a, Map<String, String> b) {
        List<String> cles = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(cles::add);
        return cles.stream().sorted().toList();
    }

    private static String nom(Instantane.FicheFigee f) {
        return f.reference() == null ? "la fiche" : f.reference();
    }

    private static String ref(String reference) {
        return reference == null || reference.isBlank() ? "" : reference + " ";
    }

    private static String date(LocalDate date) {
        return date == null ? "non précisée" : FormatFr.date(date);
    }

    /** Line diff (longest common subsequence) of two texts, HTML blocks turned into lines of plain text. */
    static List<Ligne> lignes(String avant, String apres) {
        List<String> a = enLignes(avant);
        List<String> b = enLignes(apres);
        List<Ligne> resultat = new ArrayList<>();
        if (a.size() > LIGNES_MAX_LCS || b.size() > LIGNES_MAX_LCS) {
            a.forEach(l -> resultat.add(new Ligne("-", l)));
            b.forEach(l -> resultat.add(new Ligne("+", l)));
            return resultat;
        }
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                resultat.add(new Ligne(" ", a.get(i)));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                resultat.add(new Ligne("-", a.get(i++)));
            } else {
                resultat.add(new Ligne("+", b.get(j++)));
            }
        }
        while (i < a.size()) {
            resultat.add(new Ligne("-", a.get(i++)));
        }
        while (j < b.size()) {
            resultat.add(new Ligne("+", b.get(j++)));
        }
        return resultat;
    }

    private static List<String> enLignes(String texte) {
        if (texte == null || texte.isBlank()) {
            return List.of();
        }
        List<String> lignes = new ArrayList<>();
        for (String morceau : texte.split("(?i)</p>|<br\\s*/?>|</li>|\\R")) {
            String ligne = TexteRiche.enTexte(morceau).strip();
            if (!ligne.isEmpty()) {
                lignes.add(ligne);
            }
        }
        return lignes;
    }
}
