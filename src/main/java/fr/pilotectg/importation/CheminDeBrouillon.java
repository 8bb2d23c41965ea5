package fr.pilotectg.importation;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.pilotectg.shared.ErreurValidation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where an element sits in a draft, as the review page's forms name it: the part, then properties and list indexes
 * ("plan.noeuds[0].fiches[2]"). Walks the part's JSON tree and its Java type together (the record components give
 * each field's type: text, date, number, enumeration, list), so the review stays generic over the parts' shapes.
 */
record CheminDeBrouillon(String partie, List<Pas> pas) {

    private static final Pattern PAS = Pattern.compile("([a-zA-Z]+)(?:\\[(\\d{1,5})])?");

    /** One step: a property, and an index when the property is a list. */
    record Pas(String propriete, Integer index) {
    }

    /** Where a step led: the node, the Java type of what it holds, and its parent with the key or index in it. */
    record Cible(JsonNode noeud, Type type, JsonNode parent, String propriete, Integer index) {
    }

    static CheminDeBrouillon lire(String texte) {
        String[] morceaux = texte == null ? new String[0] : texte.split("\\.", -1);
        if (morceaux.length == 0 || Parties.classe(morceaux[0]) == null) {
            throw new ErreurValidation("chemin", "Cet élément n'existe pas dans le brouillon : rechargez la page.");
        }
        List<Pas> pas = new ArrayList<>();
        for (int i = 1; i < morceaux.length; i++) {
            Matcher m = PAS.matcher(morceaux[i]);
            if (!m.matches()) {
                throw new ErreurValidation("chemin", "Cet élément n'existe pas dans le brouillon : rechargez la page.");
            }
            pas.add(new Pas(m.group(1), m.group(2) == null ? null : Integer.valueOf(m.group(2))));
        }
        return new CheminDeBrouillon(morceaux[0], List.copyOf(pas));
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(partie);
        pas.forEach(p -> s.append('.').append(p.propriete()).append(p.index() == null ? "" : "[" + p.index() + "]"));
        return s.toString();
    }

    CheminDeBrouillon enfant(String propriete, Integer index) {
        List<Pas> suite = new ArrayList<>(pas);
        suite.add(new Pas(propriete, index));
        return new CheminDeBrouillon(partie, List.copyOf(suite));
    }

    /** The last step without its index (the list an element belongs to), or null at the root. */
    CheminDeBrouillon liste() {
        if (pas.isEmpty() || pas.get(pas.size() - 1).index() == null) {
            return null;
        }
        List<Pas> suite = new ArrayList<>(pas);
        Pas dernier = suite.remove(suite.size() - 1);
        suite.add(new Pas(dernier.propriete(), null));
        return new CheminDeBrouillon(partie, List.copyOf(suite));
    }

    /** Follows the steps in the part's tree; a French 400 when the element is no longer there (a stale page). */
    Cible suivre(JsonNode racine) {
        JsonNode noeud = racine;
        Type type = Parties.classe(partie);
        JsonNode parent = null;
        String propriete = null;
        Integer index = null;
        for (Pas p : pas) {
            RecordComponent composant = composant(brut(type), p.propriete());
            // A resolution changes only through the choice of a candidate, never field by field.
            if (composant == null || composant.getType() == ConventionTrouvee.Resolution.class || !(noeud instanceof ObjectNode objet)) {
                throw absent();
            }
            parent = noeud;
            propriete = p.propriete();
            index = null;
            noeud = objet.get(p.propriete());
            type = composant.getGenericType();
            if (p.index() != null) {
                if (!(noeud instanceof ArrayNode liste) || p.index() >= liste.size()) {
                    throw absent();
                }
                parent = liste;
                index = p.index();
                noeud = liste.get(p.index());
                type = element(type);
            }
        }
        return new Cible(noeud, type, parent, propriete, index);
    }

    private static ErreurValidation absent() {
        return new ErreurValidation("chemin", "Cet élément n'existe plus dans le brouillon : rechargez la page.");
    }

    static RecordComponent composant(Class<?> classe, String nom) {
        if (classe == null || !classe.isRecord()) {
            return null;
        }
        for (RecordComponent c : classe.getRecordComponents()) {
            if (c.getName().equals(nom)) {
                return c;
            }
        }
        return null;
    }

    static Class<?> brut(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : null;
    }

    /** The element type of a {@code List<X>}, or null. */
    static Type element(Type type) {
        if (type instanceof ParameterizedType p && List.class.equals(p.getRawType())) {
            return p.getActualTypeArguments()[0];
        }
        return null;
    }

    /** The three parts of a draft, their keys, titles and types. */
    static final class Parties {

        static final List<String> CLES = List.of("convention", "plan", "annexes");

        private Parties() {
        }

        static Class<?> classe(String cle) {
            return switch (cle) {
                case "convention" -> ConventionTrouvee.class;
                case "plan" -> PlanTrouve.class;
                case "annexes" -> AnnexesTrouvees.class;
                default -> null;
            };
        }

        static String titre(String cle) {
            return switch (cle) {
                case "convention" -> "Convention";
                case "plan" -> "Plan d'actions";
                default -> "Annexes";
            };
        }

        static PartieTrouvee de(Brouillon b, String cle) {
            return switch (cle) {
                case "convention" -> b.convention();
                case "plan" -> b.plan();
                default -> b.annexes();
            };
        }

        static Brouillon avec(Brouillon b, String cle, PartieTrouvee p) {
            return switch (cle) {
                case "convention" -> new Brouillon((ConventionTrouvee) p, b.plan(), b.annexes());
                case "plan" -> new Brouillon(b.convention(), (PlanTrouve) p, b.annexes());
                default -> new Brouillon(b.convention(), b.plan(), (AnnexesTrouvees) p);
            };
        }
    }
}
