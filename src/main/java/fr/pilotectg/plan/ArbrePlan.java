package fr.pilotectg.plan;

import java.util.List;
import java.util.stream.Stream;

/** The plan as a tree, with the fiches that pass the current filter and counts per node. */
public record ArbrePlan(Plan plan, List<Branche> racines, List<Fiche> fichesHorsAxe) {

    public record Branche(Noeud noeud, Niveau niveau, List<Branche> enfants, List<Fiche> fiches) {

        /** Fiches under this node, at any depth. */
        public int nombreFiches() {
            return fiches.size() + enfants.stream().mapToInt(Branche::nombreFiches).sum();
        }

        public Stream<Fiche> toutesLesFiches() {
            return Stream.concat(fiches.stream(), enfants.stream().flatMap(Branche::toutesLesFiches));
        }

        public Stream<Branche> etDescendants() {
            return Stream.concat(Stream.of(this), enfants.stream().flatMap(Branche::etDescendants));
        }
    }

    public int nombreFiches() {
        return racines.stream().mapToInt(Branche::nombreFiches).sum() + fichesHorsAxe.size();
    }

    /** Fiches in plan order: depth first through the nodes, then those outside any node. */
    public List<Fiche> fichesDansLOrdre() {
        return Stream.concat(racines.stream().flatMap(Branche::toutesLesFiches), fichesHorsAxe.stream()).toList();
    }

    public long nombreDeNoeuds(int rang) {
        return branchesDeRang(rang).size();
    }

    /** Nodes of one rank, in plan order: the possible parents of the nodes of the rank below. */
    public List<Branche> branchesDeRang(int rang) {
        return branches().filter(b -> b.noeud().rang() == rang).toList();
    }

    public Stream<Branche> branches() {
        return racines.stream().flatMap(Branche::etDescendants);
    }

    /** Titles of the ancestors of a node, from the top. */
    public List<String> chemin(Long noeudId) {
        if (noeudId == null) {
            return List.of();
        }
        for (Branche racine : racines) {
            List<String> chemin = chemin(racine, noeudId);
            if (chemin != null) {
                return chemin;
            }
        }
        return List.of();
    }

    private static List<String> chemin(Branche branche, long noeudId) {
        String titre = (branche.noeud().reference() == null ? "" : branche.niveau().nom() + " " + branche.noeud().reference() + " : ")
                + branche.noeud().titre();
        if (branche.noeud().id() == noeudId) {
            return List.of(titre);
        }
        for (Branche enfant : branche.enfants()) {
            List<String> suite = chemin(enfant, noeudId);
            if (suite != null) {
                return Stream.concat(Stream.of(titre), suite.stream()).toList();
            }
        }
        return null;
    }
}
