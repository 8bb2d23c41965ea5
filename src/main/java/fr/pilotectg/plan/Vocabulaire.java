package fr.pilotectg.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Closed lists of values used by fiche templates: stored codes and the labels users read, in order. */
public enum Vocabulaire {
    COMPETENCES_SPPE(
            "RECENSER_BESOINS", "Recenser les besoins",
            "INFORMER_ACCOMPAGNER", "Informer et accompagner les familles",
            "PLANIFIER", "Planifier le développement des modes d'accueil",
            "SOUTENIR_QUALITE", "Soutenir la qualité des modes d'accueil"),
    INTERET(
            "INTERET", "Intérêt",
            "INTERET_FORT", "Intérêt fort",
            "TOP_5", "Top 5"),
    METHODOLOGIE(
            "COLLECTIVE", "Collective",
            "INDIVIDUELLE", "Individuelle",
            "TERRITORIALE", "Territoriale"),
    BUDGET(
            "EXISTANT", "Existant",
            "A_COMPLETER", "A compléter",
            "SUPPLEMENTAIRE_A_MOBILISER", "Supplémentaire à mobiliser"),
    /** The 21 champs d'intervention of the scored template; labels are their own codes. */
    CHAMPS_INTERVENTION(
            "Accès aux droits", "Accès aux droits",
            "Addictions", "Addictions",
            "Autonomie", "Autonomie",
            "Besoin de garde", "Besoin de garde",
            "Cadre de vie et aménagement du territoire", "Cadre de vie et aménagement du territoire",
            "Citoyenneté et engagement", "Citoyenneté et engagement",
            "Coordination et stratégie", "Coordination et stratégie",
            "Culture et loisirs", "Culture et loisirs",
            "Education et formation", "Education et formation",
            "Egalité et lutte contre les discriminations", "Egalité et lutte contre les discriminations",
            "Environnement, écologie et développement durable", "Environnement, écologie et développement durable",
            "Insertion sociale et professionnelle", "Insertion sociale et professionnelle",
            "Lien social et intergénérationnel", "Lien social et intergénérationnel",
            "Logement et habitat", "Logement et habitat",
            "Mobilité", "Mobilité",
            "Numérique", "Numérique",
            "Protection de l'enfance", "Protection de l'enfance",
            "Santé et bien-être", "Santé et bien-être",
            "Santé mentale", "Santé mentale",
            "Soutien à la parentalité", "Soutien à la parentalité",
            "Vie associative", "Vie associative"),
    /** Public cible of the scored template (the letter of a reference: G, PE, E, J, JA, F, S). */
    PUBLIC_CIBLE(
            "Global", "Global",
            "Petite enfance", "Petite enfance",
            "Enfance", "Enfance",
            "Jeunesse", "Jeunesse",
            "Jeunes adultes", "Jeunes adultes",
            "Adultes", "Adultes",
            "Familles", "Familles",
            "Seniors", "Seniors"),
    TYPE_INDICATEUR(
            "QUANTITATIF", "Quantitatif",
            "QUALITATIF", "Qualitatif");

    private final Map<String, String> libelles;

    Vocabulaire(String... codesEtLibelles) {
        Map<String, String> valeurs = new LinkedHashMap<>();
        for (int i = 0; i < codesEtLibelles.length; i += 2) {
            valeurs.put(codesEtLibelles[i], codesEtLibelles[i + 1]);
        }
        this.libelles = Collections.unmodifiableMap(valeurs);
    }

    public Map<String, String> valeurs() {
        return libelles;
    }

    public boolean contient(String code) {
        return libelles.containsKey(code);
    }

    public Optional<String> libelle(String code) {
        return Optional.ofNullable(libelles.get(code));
    }
}
