package fr.pilotectg.importation;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Limites;
import fr.pilotectg.shared.Saisie;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The review's corrections of a draft, field by field: a field corrected, an element added to a list or dropped, an
 * unresolved name resolved to a candidate. Each works on the part's JSON tree, then reads the whole part back
 * strictly ({@link JsonDesBrouillons#partie}): a bad value is a French 400 naming the field, and the draft is only
 * replaced (by {@link ImportsService#modifier}, with its version) when the whole part is valid.
 */
@Component
class CorrectionsDuBrouillon {

    /** Prefix of a field's input on the review page ("champ.titre", "champ.champs.enjeu"). */
    static final String CHAMP = "champ.";
    /** Prefix of the hidden input that says a checkbox was on the form (an unchecked box sends nothing). */
    static final String CASE = "_champ.";

    private static final DateTimeFormatter JJ_MM_AAAA = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final JsonNodeFactory NOEUDS = JsonNodeFactory.instance;

    private final JsonDesBrouillons json;
    private final AnnexesResolution resolution;

    CorrectionsDuBrouillon(JsonDesBrouillons json, AnnexesResolution resolution) {
        this.json = json;
        this.resolution = resolution;
    }

    /** The fields of the element at {@code chemin} as the form sent them ({@code champ.x} values, {@code _champ.x} boxes). */
    Brouillon corriger(Brouillon b, String chemin, Map<String, String> saisies) {
        CheminDeBrouillon c = CheminDeBrouillon.lire(chemin);
        ObjectNode racine = racine(b, c);
        CheminDeBrouillon.Cible cible = c.suivre(racine);
        Class<?> classe = CheminDeBrouillon.brut(cible.type());
        if (!(cible.noeud() instanceof ObjectNode element) || classe == null || !classe.isRecord()) {
            throw new ErreurValidation("chemin", "Cet élément ne se corrige pas champ par champ : rechargez la page.");
        }
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        for (RecordComponent composant : classe.getRecordComponents()) {
            String nom = composant.getName();
            if (composant.getType() == Map.class) {
                corrigerDictionnaire(element, nom, saisies, erreurs);
                continue;
            }
            boolean caseACocher = composant.getType() == boolean.class || composant.getType() == Boolean.class;
            if (caseACocher && saisies.containsKey(CASE + nom)) {
                element.put(nom, "true".equals(saisies.get(CHAMP + nom)));
            } else if (!caseACocher && saisies.containsKey(CHAMP + nom)) {
                try {
                    JsonNode valeur = valeur(classe, composant, saisies.get(CHAMP + nom));
                    if (valeur != null) {
                        element.set(nom, valeur);
                    }
                } catch (ErreurValidation e) {
                    erreurs.add(new ErreurValidation.Erreur(CHAMP + nom, LibellesDeRevue.libelle(nom) + " : " + e.getMessage()));
                }
            }
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        return relire(b, c.partie(), racine);
    }

    /** A new element at the end of the list {@code chemin}, its main text set, the other fields empty. */
    Brouillon ajouter(Brouillon b, String chemin, String principal) {
        CheminDeBrouillon c = CheminDeBrouillon.lire(chemin);
        ObjectNode racine = racine(b, c);
        CheminDeBrouillon.Cible cible = c.suivre(racine);
        boolean seul = (cible.noeud() == null || cible.noeud().isNull()) && cible.parent() instanceof ObjectNode && cible.index() == null;
        Type type = seul ? cible.type() : CheminDeBrouillon.element(cible.type());
        Class<?> classe = CheminDeBrouillon.brut(type);
        if (!(seul || cible.noeud() instanceof ArrayNode) || classe == null || !classe.isRecord() || "alertes".equals(cible.propriete())) {
            throw new ErreurValidation("chemin", "On n'ajoute pas d'élément à cette liste : rechargez la page.");
        }
        ObjectNode nouveau = vide(classe);
        String champ = principal(classe);
        if (champ != null && !(seul && (principal == null || principal.isBlank()))) {
            String probleme = principal == null || principal.isBlank() ? "à renseigner pour ajouter l'élément."
                    : Saisie.probleme(principal.strip(), Limites.longueurMax(champ));
            if (probleme != null) {
                throw new ErreurValidation(CHAMP + champ, LibellesDeRevue.libelle(champ) + " : " + probleme);
            }
            nouveau.put(champ, principal.strip());
        }
        if (seul) {
            ((ObjectNode) cible.parent()).set(cible.propriete(), nouveau);
        } else {
            ((ArrayNode) cible.noeud()).add(nouveau);
        }
        return relire(b, c.partie(), racine);
    }

    /** Drops the element at {@code chemin} (an element of a list, or a single element emptied). */
    Brouillon retirer(Brouillon b, String chemin) {
        CheminDeBrouillon c = CheminDeBrouillon.lire(chemin);
        ObjectNode racine = racine(b, c);
        CheminDeBrouillon.Cible cible = c.suivre(racine);
        if (cible.index() != null && cible.parent() instanceof ArrayNode liste) {
            liste.remove((int) cible.index());
        } else if (cible.parent() instanceof ObjectNode parent && cible.noeud() != null && cible.noeud().isObject()
                && CheminDeBrouillon.brut(cible.type()) != null && CheminDeBrouillon.brut(cible.type()).isRecord()) {
            parent.putNull(cible.propriete());
        } else {
            throw new ErreurValidation("chemin", "Cet élément ne se retire pas : rechargez la page.");
        }
        return relire(b, c.partie(), racine);
    }

    /**
     * A party of the convention resolved to one of its candidates ({@code choix} is the candidate's index): the
     * resolution is set and the party's {@code NOM_NON_RESOLU} alert removed.
     */
    Brouillon resoudrePartie(Brouillon b, String chemin, int choix) {
        CheminDeBrouillon c = CheminDeBrouillon.lire(chemin);
        ObjectNode racine = racine(b, c);
        CheminDeBrouillon.Cible cible = c.suivre(racine);
        if (CheminDeBrouillon.brut(cible.type()) != ConventionTrouvee.Partie.class || !(cible.noeud() instanceof ObjectNode partie)
                || !(partie.get("resolution") instanceof ObjectNode resolution)
                || !(resolution.get("candidats") instanceof ArrayNode candidats) || choix < 0 || choix >= candidats.size()) {
            throw new ErreurValidation("choix", "Choisissez un des noms proposés.");
        }
        JsonNode candidat = candidats.get(choix);
        resolution.put("statut", ConventionTrouvee.Statut.RESOLU.name());
        resolution.set("organisationId", candidat.get("organisationId"));
        resolution.set("codeInsee", candidat.get("codeInsee"));
        resolution.set("nomReferentiel", candidat.get("nom"));
        resolution.set("departement", candidat.get("departement"));
        resolution.put("note", "choisi à la revue de l'import");
        resolution.set("candidats", NOEUDS.arrayNode());
        // The Caf and the territory are also among the parties, held apart: the same printed name is resolved everywhere.
        List<JsonNode> memes = new ArrayList<>(List.of(racine.path("caf"), racine.path("epci")));
        racine.path("parties").forEach(memes::add);
        for (JsonNode meme : memes) {
            if (meme instanceof ObjectNode m && m != partie && texte(m, "nomImprime").equals(texte(partie, "nomImprime"))) {
                m.set("resolution", resolution.deepCopy());
            }
        }
        retirerAlertes(racine, texte(partie, "nomImprime"));
        return relire(b, c.partie(), racine);
    }

    /**
     * A name of the annexes (a service's collectivité, a governance member's organisation) resolved to the
     * referential's name chosen: every element that printed the same name gets it, and the name's alert goes.
     */
    Brouillon resoudreNomAnnexe(Brouillon b, String chemin, String nomChoisi) {
        CheminDeBrouillon c = CheminDeBrouillon.lire(chemin);
        ObjectNode racine = racine(b, c);
        CheminDeBrouillon.Cible cible = c.suivre(racine);
        String[] champs = champsDeNom(CheminDeBrouillon.brut(cible.type()));
        if (champs == null || !(cible.noeud() instanceof ObjectNode element) || nomChoisi == null || nomChoisi.isBlank()) {
            throw new ErreurValidation("choix", "Choisissez un des noms proposés.");
        }
        String imprime = texte(element, champs[0]);
        // Only a name the referential offers for this printed name; a commune's candidate is shown with its
        // department and Insee code, its name alone is what the annexes keep (as when the analysis resolves it).
        AnnexesResolution.Resolution r = resolution.resoudre(imprime);
        if (!nomChoisi.equals(r.nom()) && !r.candidats().contains(nomChoisi)) {
            throw new ErreurValidation("choix", "Choisissez un des noms proposés pour « " + imprime + " ».");
        }
        nomChoisi = nomChoisi.replaceFirst(" \\([0-9AB]{2,3}, [0-9AB]{5}\\)$", "");
        String cle = AnnexesNoms.cle(imprime);
        for (JsonNode service : racine.path("services")) {
            if (service instanceof ObjectNode s && AnnexesNoms.cle(texte(s, "collectivite")).equals(cle)) {
                s.put("collectiviteResolue", nomChoisi);
            }
        }
        for (JsonNode instance : racine.path("instances")) {
            for (JsonNode membre : instance.path("membres")) {
                if (membre instanceof ObjectNode m && AnnexesNoms.cle(texte(m, "organisation")).equals(cle)) {
                    m.put("organisationResolue", nomChoisi);
                }
            }
        }
        retirerAlertes(racine, imprime);
        return relire(b, c.partie(), racine);
    }

    /** The printed name and the resolved name of an element of the annexes that names a collectivité, or null. */
    static String[] champsDeNom(Class<?> classe) {
        if (classe == AnnexesTrouvees.ServiceTrouve.class) {
            return new String[]{"collectivite", "collectiviteResolue"};
        }
        if (classe == AnnexesTrouvees.MembreTrouve.class) {
            return new String[]{"organisation", "organisationResolue"};
        }
        return null;
    }

    /** The field that names an element (its title, printed name…), set when it is added. */
    static String principal(Class<?> classe) {
        for (String nom : LibellesDeRevue.PRINCIPAUX) {
            RecordComponent c = CheminDeBrouillon.composant(classe, nom);
            if (c != null && c.getType() == String.class) {
                return nom;
            }
        }
        return null;
    }

    private static void retirerAlertes(ObjectNode racine, String nomImprime) {
        if (racine.get("alertes") instanceof ArrayNode alertes) {
            for (Iterator<JsonNode> i = alertes.iterator(); i.hasNext(); ) {
                JsonNode a = i.next();
                if ("NOM_NON_RESOLU".equals(a.path("type").asString("")) && a.path("message").asString("").startsWith("« " + nomImprime + " »")) {
                    i.remove();
                }
            }
        }
    }

    private static String texte(JsonNode n, String champ) {
        JsonNode v = n.get(champ);
        return v == null || !v.isString() ? "" : v.asString();
    }

    private ObjectNode racine(Brouillon b, CheminDeBrouillon c) {
        return (ObjectNode) json.arbre(CheminDeBrouillon.Parties.de(b, c.partie()));
    }

    private Brouillon relire(Brouillon b, String cle, ObjectNode racine) {
        Object partie = json.partie(cle, CheminDeBrouillon.Parties.titre(cle), racine.toString(), CheminDeBrouillon.Parties.classe(cle));
        return CheminDeBrouillon.Parties.avec(b, cle, (PartieTrouvee) partie);
    }

    /** A form's text as the JSON value of a field of type {@code composant}; null to leave it unchanged. */
    private static JsonNode valeur(Class<?> element, RecordComponent composant, String saisie) {
        Class<?> type = composant.getType();
        String texte = saisie == null ? "" : saisie.strip();
        if (type == String.class) {
            if (texte.isEmpty()) {
                return NOEUDS.nullNode();
            }
            Map<String, String> codes = LibellesDeRevue.codes(element, composant.getName());
            if (codes != null && !codes.containsKey(texte)) {
                throw new ErreurValidation(composant.getName(), "« " + texte + " » n'est pas dans la liste proposée.");
            }
            String probleme = Saisie.probleme(texte, Limites.longueurMax(composant.getName()));
            if (probleme != null) {
                throw new ErreurValidation(composant.getName(), probleme);
            }
            return NOEUDS.stringNode(texte);
        }
        if (type == LocalDate.class) {
            return texte.isEmpty() ? NOEUDS.nullNode() : NOEUDS.stringNode(date(texte).toString());
        }
        if (type == Integer.class || type == int.class) {
            if (texte.isEmpty()) {
                return type == int.class ? NOEUDS.numberNode(0) : NOEUDS.nullNode();
            }
            return NOEUDS.numberNode(entier(texte));
        }
        if (type.isEnum()) {
            if (texte.isEmpty()) {
                return NOEUDS.nullNode();
            }
            for (Object constante : type.getEnumConstants()) {
                if (((Enum<?>) constante).name().equals(texte)) {
                    return NOEUDS.stringNode(texte);
                }
            }
            throw new ErreurValidation(composant.getName(), "« " + texte + " » n'est pas dans la liste proposée.");
        }
        if (type == List.class) {
            Type contenu = CheminDeBrouillon.element(composant.getGenericType());
            if (contenu != String.class && contenu != Integer.class) {
                return null;
            }
            ArrayNode liste = NOEUDS.arrayNode();
            for (String ligne : LibellesDeRevue.lignes(saisie)) {
                if (contenu == String.class) {
                    String probleme = Saisie.probleme(ligne, Limites.longueurMax(composant.getName()));
                    if (probleme != null) {
                        throw new ErreurValidation(composant.getName(), "« " + abrege(ligne) + " » : " + probleme);
                    }
                    liste.add(ligne);
                } else {
                    liste.add(entier(ligne));
                }
            }
            return liste;
        }
        return null;
    }

    /** The fields of a fiche ({@code champs.<clé>}): a text, or a list of lines when the field holds a list. */
    private void corrigerDictionnaire(ObjectNode element, String nom, Map<String, String> saisies, List<ErreurValidation.Erreur> erreurs) {
        String prefixe = CHAMP + nom + ".";
        ObjectNode dictionnaire = element.get(nom) instanceof ObjectNode o ? o : element.putObject(nom);
        for (Map.Entry<String, String> s : saisies.entrySet()) {
            if (!s.getKey().startsWith(prefixe)) {
                continue;
            }
            String cle = s.getKey().substring(prefixe.length());
            if (!cle.matches("[a-zA-Z][a-zA-Z0-9]{0,59}")) {
                erreurs.add(new ErreurValidation.Erreur(s.getKey(), "Champ de fiche inconnu : « " + abrege(cle) + " »."));
                continue;
            }
            boolean liste = dictionnaire.get(cle) instanceof ArrayNode || saisies.containsKey("_liste." + nom + "." + cle);
            String texte = s.getValue() == null ? "" : s.getValue().strip();
            if (dictionnaire.get(cle) != null && !dictionnaire.get(cle).isString() && !dictionnaire.get(cle).isNull() && !liste) {
                continue;
            }
            if (liste && dictionnaire.get(cle) instanceof ArrayNode actuel && !actuel.isEmpty() && !actuel.get(0).isString()) {
                try {
                    dictionnaire.set(cle, json.lireArbre(texte.isEmpty() ? "[]" : texte));
                } catch (JacksonException e) {
                    erreurs.add(new ErreurValidation.Erreur(s.getKey(), "« " + cle + " » : JSON invalide."));
                }
                continue;
            }
            if (texte.isEmpty()) {
                dictionnaire.remove(cle);
            } else if (liste) {
                ArrayNode lignes = NOEUDS.arrayNode();
                LibellesDeRevue.lignes(texte).forEach(lignes::add);
                dictionnaire.set(cle, lignes);
            } else {
                String probleme = Saisie.probleme(texte, Limites.longueurMax(cle));
                if (probleme != null) {
                    erreurs.add(new ErreurValidation.Erreur(s.getKey(), "« " + cle + " » : " + probleme));
                } else {
                    dictionnaire.put(cle, texte);
                }
            }
        }
    }

    private static LocalDate date(String texte) {
        try {
            return texte.contains("/") ? LocalDate.parse(texte, JJ_MM_AAAA) : LocalDate.parse(texte);
        } catch (DateTimeParseException e) {
            throw new ErreurValidation("date", "« " + abrege(texte) + " » n'est pas une date valide (jj/mm/aaaa).");
        }
    }

    private static int entier(String texte) {
        try {
            return Integer.parseInt(texte.replace(" ", "").replace("\u00a0", ""));
        } catch (NumberFormatException e) {
            throw new ErreurValidation("nombre", "« " + abrege(texte) + " » n'est pas un nombre entier.");
        }
    }

    private static String abrege(String texte) {
        return texte.length() > 40 ? texte.substring(0, 40) + "…" : texte;
    }

    /** An element of {@code classe} with nothing in it: empty texts and lists, false flags, full confidence (added by hand). */
    private static ObjectNode vide(Class<?> classe) {
        ObjectNode n = NOEUDS.objectNode();
        for (RecordComponent c : classe.getRecordComponents()) {
            Class<?> t = c.getType();
            if (t == List.class) {
                n.putArray(c.getName());
            } else if (t == Map.class) {
                n.putObject(c.getName());
            } else if (t == boolean.class) {
                n.put(c.getName(), false);
            } else if (t == double.class) {
                n.put(c.getName(), 1.0);
            } else if (t == int.class) {
                n.put(c.getName(), 0);
            } else {
                n.putNull(c.getName());
            }
        }
        return n;
    }
}
