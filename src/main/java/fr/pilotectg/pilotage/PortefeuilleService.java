package fr.pilotectg.pilotage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.evaluation.Situation;
import fr.pilotectg.organisation.Organisation;
import fr.pilotectg.organisation.Role;
import fr.pilotectg.organisation.UtilisateurConnecte;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.Textes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portfolio of a Caf: an agent of a Caf sees the conventions of that Caf (those it is only habilitated on are
 * not part of its Caf's portfolio), an administrator every convention with a filter by Caf. The other roles follow
 * conventions one by one through their dashboards: the portfolio refuses them (403).
 */
@Service
public class PortefeuilleService {

    private static final Comparator<LignePortefeuille> PAR_TITRE = Comparator.comparing(l -> Textes.plier(l.titre()));
    private static final Map<String, Comparator<LignePortefeuille>> TRIS = Map.of(
            "titre", PAR_TITRE,
            "caf", Comparator.comparing((LignePortefeuille l) -> Textes.plier(l.caf())).thenComparing(PAR_TITRE),
            "statut", Comparator.comparing(LignePortefeuille::statut).thenComparing(PAR_TITRE),
            "periode", Comparator.comparing(LignePortefeuille::dateDebut, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(PAR_TITRE),
            "fiches", Comparator.comparingInt(LignePortefeuille::fiches).thenComparing(PAR_TITRE),
            "realise", Comparator.comparingDouble(LignePortefeuille::tauxRealise).thenComparing(PAR_TITRE),
            "retards", Comparator.comparingInt(LignePortefeuille::retards).thenComparing(PAR_TITRE),
            "campagne", Comparator.comparingDouble(LignePortefeuille::tauxCampagne).thenComparing(PAR_TITRE),
            "copil", Comparator.comparing(LignePortefeuille::prochainCopil, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(PAR_TITRE));
    /** The sorts that need the fiche-year figures of every convention of the scope, not only of the page shown. */
    private static final Set<String> TRIS_PAR_FICHES_ANNEES = Set.of("realise", "retards");
    /** The sorts that need the other figures ({@link PortefeuilleRepository.Chiffres}) of every convention of the scope. */
    private static final Set<String> TRIS_PAR_CHIFFRES = Set.of("fiches", "campagne", "copil");

    private final PortefeuilleRepository repository;
    private final ConventionService conventions;
    private final Clock horloge;

    PortefeuilleService(PortefeuilleRepository repository, ConventionService conventions, Clock horloge) {
        this.horloge = horloge;
        this.repository = repository;
        this.conventions = conventions;
    }

    @Transactional(readOnly = true)
    public Portefeuille portefeuille(Long cafFiltre, String tri, boolean decroissant, int page) {
        UtilisateurConnecte utilisateur = UtilisateurConnecte.courant();
        Long caf;
        List<Organisation> cafs = List.of();
        if (utilisateur.role() == Role.ADMIN) {
            caf = cafFiltre;
            cafs = conventions.cafsVisibles();
        } else if (utilisateur.role() == Role.AGENT_CAF && utilisateur.organisationId() != null) {
            caf = utilisateur.organisationId();
        } else {
            throw new AccesRefuse("Le portefeuille des conventions est réservé aux agents des Caf et aux administrateurs.");
        }
        // An unknown sort column (hand-edited address) falls back to the title.
        String colonne = tri != null && TRIS.containsKey(tri) ? tri : "titre";
        Comparator<LignePortefeuille> ordre = decroissant ? TRIS.get(colonne).reversed() : TRIS.get(colonne);
        LocalDate aujourdhui = LocalDate.now(horloge);
        // Issue 16: the figures (every fiche of every year of every convention: 150,000 nationally; campaigns, COPIL)
        // and the example flags are computed for the page shown only, unless the page is sorted by those figures.
        boolean triParFichesAnnees = TRIS_PAR_FICHES_ANNEES.contains(colonne);
        boolean triParChiffres = TRIS_PAR_CHIFFRES.contains(colonne);
        List<LignePortefeuille> lignes = repository.lignes(caf);
        if (triParFichesAnnees) {
            lignes = avecFichesAnnees(lignes, repository.fichesAnnees(caf, null, aujourdhui));
        }
        if (triParChiffres) {
            lignes = avecChiffres(lignes, repository.chiffres(caf, null));
        }
        lignes = lignes.stream().sorted(ordre).toList();
        int pages = Math.max(1, (lignes.size() + Portefeuille.TAILLE_PAGE - 1) / Portefeuille.TAILLE_PAGE);
        int numero = Math.min(Math.max(1, page), pages);
        List<LignePortefeuille> pageCourante = lignes.subList((numero - 1) * Portefeuille.TAILLE_PAGE,
                Math.min(lignes.size(), numero * Portefeuille.TAILLE_PAGE));
        Set<Long> ids = pageCourante.stream().map(LignePortefeuille::id).collect(Collectors.toSet());
        if (!triParFichesAnnees) {
            pageCourante = avecFichesAnnees(pageCourante, repository.fichesAnnees(caf, ids, aujourdhui));
        }
        if (!triParChiffres) {
            pageCourante = avecChiffres(pageCourante, repository.chiffres(caf, ids));
        }
        Set<Long> exemples = repository.exemples(ids);
        pageCourante = pageCourante.stream().map(l -> exemples.contains(l.id()) ? l.avecExemple() : l).toList();
        return new Portefeuille(pageCourante, lignes.size(), numero, pages, colonne, decroissant, caf, cafs,
                !exemples.isEmpty());
    }

    private static List<LignePortefeuille> avecChiffres(List<LignePortefeuille> lignes,
                                                        Map<Long, PortefeuilleRepository.Chiffres> chiffres) {
        return lignes.stream().map(l -> chiffres.containsKey(l.id()) ? l.avec(chiffres.get(l.id())) : l).toList();
    }

    /** The lines with their fiche-years up to the current year counted as the dashboard counts them. */
    private static List<LignePortefeuille> avecFichesAnnees(List<LignePortefeuille> lignes,
                                                            List<PortefeuilleRepository.GroupeFichesAnnees> groupes) {
        Map<Long, int[]> comptes = new HashMap<>();
        for (PortefeuilleRepository.GroupeFichesAnnees g : groupes) {
            int[] c = comptes.computeIfAbsent(g.conventionId(), x -> new int[3]);
            var situation = g.exemple().situation();
            if (situation.echue()) {
                c[0] += g.nombre();
            }
            if (situation.situation() == Situation.REALISE) {
                c[1] += g.nombre();
            }
            if (situation.enRetard()) {
                c[2] += g.nombre();
            }
        }
        return lignes.stream().map(l -> {
            int[] c = comptes.getOrDefault(l.id(), new int[3]);
            return l.avec(c[0], c[1], c[2]);
        }).toList();
    }
}
