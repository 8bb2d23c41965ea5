package fr.pilotectg.documents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.pilotectg.avenant.Instantane;
import fr.pilotectg.avenant.VersionConvention;
import fr.pilotectg.avenant.VersionsService;
import fr.pilotectg.convention.RolePartie;
import fr.pilotectg.plan.ChampsAjoutes;
import fr.pilotectg.plan.Montants;
import fr.pilotectg.plan.PlanService;
import fr.pilotectg.shared.FormatFr;
import org.springframework.stereotype.Service;

/**
 * A version of a convention (its snapshot at signature or at an avenant) as a document: the same parts as the
 * convention's document — parties and representatives, period, text, signature block, plan — read from the snapshot,
 * never from the convention as it is now.
 */
@Service
class DocumentDeVersion {

    private final VersionsService versions;
    private final PlanService plans;
    private final ChampsAjoutes champsAjoutes;

    DocumentDeVersion(VersionsService versions, PlanService plans, ChampsAjoutes champsAjoutes) {
        this.versions = versions;
        this.plans = plans;
        this.champsAjoutes = champsAjoutes;
    }

    /** Reads the version first (its convention's reading right checked; 404 for a version that does not exist). */
    Document document(long conventionId, int numero) {
        VersionConvention v = versions.version(conventionId, numero);
        Instantane x = v.contenu();
        List<Document.Bloc> blocs = new ArrayList<>();
        blocs.add(new Document.Titre(1, "Entre les parties"));
        for (Instantane.PartieFigee p : x.parties()) {
            blocs.add(new Document.Paragraphe(p.nom() + (associee(p) ? " (partie associée)" : "") + ",",
                    (p.representants().isEmpty() ? "représentant à désigner" : "représentée par " + String.join(", et par ", p.representants())) + ","));
        }
        blocs.add(new Document.Paragraphe("Période :", periode(x)));
        texte(x, blocs);
        signature(x, blocs);
        plan(x, libelles(conventionId), blocs);
        services(x, blocs);
        financements(x, blocs);
        lignesAo(x, blocs);
        return new Document(x.titre(), sousTitre(v), false, blocs);
    }

    /** The services annex as the version froze it (absent from a version taken before it was part of the snapshot). */
    private static void services(Instantane x, List<Document.Bloc> blocs) {
        if (x.services() == null || x.services().isEmpty()) {
            return;
        }
        blocs.add(new Document.Titre(1, "Annexe – Services soutenus"));
        x.services().forEach(s -> blocs.add(Document.Paragraphe.de(s.libelle())));
    }

    /** The planned financing lines as the version froze them, by fiche. */
    private static void financements(Instantane x, List<Document.Bloc> blocs) {
        if (x.financements() == null || x.financements().isEmpty()) {
            return;
        }
        Map<Long, String> fiches = new HashMap<>();
        x.fiches().forEach(f -> fiches.put(f.id(), f.reference() == null ? f.titre() : f.reference()));
        blocs.add(new Document.Titre(1, "Annexe – Financements prévus"));
        x.financements().forEach(l -> blocs.add(new Document.Paragraphe(fiches.getOrDefault(l.ficheId(), "Fiche") + " –",
                l.annee() + " · " + l.libelleFinanceur() + (l.nom() == null ? "" : " « " + l.nom() + " »") + " : "
                        + Montants.texte(l.prevuCentimes()))));
    }

    /** The AO projection lines as the version froze them: the figure in force, then one per year. */
    private static void lignesAo(Instantane x, List<Document.Bloc> blocs) {
        if (x.ao() == null || x.ao().isEmpty()) {
            return;
        }
        blocs.add(new Document.Titre(1, "Annexe – AO"));
        x.ao().forEach(l -> blocs.add(new Document.Paragraphe(l.aoNom() + " – " + l.intitule() + " :",
                String.join(", ", l.valeurs().entrySet().stream().map(e -> (e.getKey().startsWith("annee")
                        ? e.getKey().substring("annee".length()) : "actuel") + " " + e.getValue()).toList()))));
    }

    /** "Titre – version 2" for the file name. */
    String nom(long conventionId, int numero) {
        return versions.version(conventionId, numero).contenu().titre() + " – version " + numero;
    }

    static String sousTitre(VersionConvention v) {
        return "Version " + v.numero() + " — " + v.cause() + (v.dateEffet() == null ? "" : " — effet le " + FormatFr.date(v.dateEffet()));
    }

    private static boolean associee(Instantane.PartieFigee p) {
        return RolePartie.ASSOCIEE.libelle().equals(p.role());
    }

    private static String periode(Instantane x) {
        if (x.dateDebut() != null && x.dateFin() != null) {
            return "du " + FormatFr.date(x.dateDebut()) + " au " + FormatFr.date(x.dateFin());
        }
        return x.periode() == null ? "non renseignée" : x.periode();
    }

    private static void texte(Instantane x, List<Document.Bloc> blocs) {
        boolean preambule = false;
        for (Instantane.SectionFigee s : x.sections()) {
            if ("PREAMBULE".equals(s.nature())) {
                if (!preambule) {
                    blocs.add(new Document.Titre(1, "Préambule"));
                    preambule = true;
                }
                blocs.add(new Document.Titre(2, s.titre() == null ? "Préambule" : s.titre()));
            } else {
                blocs.add(new Document.Titre(1, s.intitule() == null ? (s.titre() == null ? "Article" : s.titre()) : s.intitule()));
            }
            blocs.addAll(HtmlEnBlocs.blocs(s.html()));
        }
    }

    private static void signature(Instantane x, List<Document.Bloc> blocs) {
        List<Document.Emplacement> emplacements = new ArrayList<>();
        for (Instantane.PartieFigee p : x.parties()) {
            if (associee(p)) {
                continue;
            }
            if (p.representants().isEmpty()) {
                emplacements.add(new Document.Emplacement("Pour " + p.nom(), "(représentant à désigner)"));
            }
            p.representants().forEach(r -> emplacements.add(new Document.Emplacement("Pour " + p.nom(), r)));
        }
        String lieu = x.lieuSignature() == null ? "……………………" : x.lieuSignature();
        String date = x.dateSignature() == null ? "……………………" : FormatFr.date(x.dateSignature());
        blocs.add(new Document.Titre(1, "Signatures"));
        blocs.add(new Document.BlocSignature("Fait à " + lieu + ", le " + date + ".", emplacements));
    }

    /**
     * The fields' labels, by key, in the template's order: the snapshot keeps values by key only, so the labels and
     * order are those of the plan's template and added fields today (a key no longer known prints as itself, last).
     */
    private Map<String, String> libelles(long conventionId) {
        Map<String, String> libelles = new LinkedHashMap<>();
        plans.planSiExiste(conventionId).ifPresent(plan -> {
            plan.modele().champs().forEach(c -> libelles.put(c.cle(), c.libelle()));
            champsAjoutes.champs(conventionId).forEach(c -> libelles.put(c.cle(), c.libelle()));
        });
        return libelles;
    }

    private static void plan(Instantane x, Map<String, String> libelles, List<Document.Bloc> blocs) {
        blocs.add(new Document.SautDePage());
        blocs.add(new Document.Titre(1, "Annexe – Plan d'actions"));
        if (x.fiches().isEmpty()) {
            blocs.add(Document.Paragraphe.de(DocumentConvention.PLAN_NON_RENSEIGNE));
            return;
        }
        Map<Long, Integer> profondeurs = new HashMap<>();
        Map<Long, Long> parents = new HashMap<>();
        x.noeuds().forEach(n -> parents.put(n.id(), n.parentId()));
        for (Instantane.NoeudFige n : x.noeuds()) {
            int profondeur = 0;
            for (Long p = n.parentId(); p != null && profondeur < 10; p = parents.get(p)) {
                profondeur++;
            }
            profondeurs.put(n.id(), profondeur);
            blocs.add(new Document.Titre(Math.min(2 + profondeur, 3), n.niveau() + " " + (n.reference() == null ? "" : n.reference() + " – ")
                    + n.titre()));
            x.fiches().stream().filter(f -> n.id() != null && n.id().equals(f.noeudId())).forEach(f -> fiche(f, libelles, blocs));
        }
        List<Instantane.FicheFigee> horsAxe = x.fiches().stream().filter(f -> f.noeudId() == null || !profondeurs.containsKey(f.noeudId())).toList();
        if (!horsAxe.isEmpty()) {
            blocs.add(new Document.Titre(2, "Actions hors axe"));
            horsAxe.forEach(f -> fiche(f, libelles, blocs));
        }
    }

    private static void fiche(Instantane.FicheFigee f, Map<String, String> libelles, List<Document.Bloc> blocs) {
        blocs.add(new Document.Titre(3, (f.reference() == null ? "" : f.reference() + " – ") + f.titre()));
        List<String> ordre = List.copyOf(libelles.keySet());
        Comparator<String> selonLeModele = Comparator.comparingInt((String cle) -> ordre.contains(cle) ? ordre.indexOf(cle) : ordre.size())
                .thenComparing(Comparator.naturalOrder());
        f.champs().entrySet().stream().sorted(Map.Entry.comparingByKey(selonLeModele)).filter(e -> !e.getValue().isBlank())
                .forEach(e -> blocs.add(new Document.Paragraphe(libelles.getOrDefault(e.getKey(), e.getKey()) + " :", e.getValue())));
    }
}
