package fr.pilotectg.importation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.pilotectg.ao.ModeAccueil;
import fr.pilotectg.ao.ModeExercice;
import fr.pilotectg.gouvernance.TypeInstance;
import fr.pilotectg.offre.TypeService;

/**
 * French labels of the draft's fields on the review page, the singular name of a list's elements, and the codes an
 * enumeration kept as text in the draft may take (the features' enums), so that the review offers a list to choose
 * from instead of a free text.
 */
final class LibellesDeRevue {

    private static final Map<String, String> LIBELLES = Map.ofEntries(
            Map.entry("titre", "Titre"), Map.entry("caf", "Caf"), Map.entry("epci", "Territoire principal (EPCI)"),
            Map.entry("periode", "Période"), Map.entry("reconduction", "Reconduction"), Map.entry("parties", "Parties"),
            Map.entry("personnes", "Personnes"), Map.entry("visas", "Visas"), Map.entry("deliberations", "Délibérations"),
            Map.entry("signature", "Signature"), Map.entry("sections", "Sections et articles"), Map.entry("enjeux", "Enjeux"),
            Map.entry("objectifsConjoints", "Objectifs conjoints"), Map.entry("totaux", "Totaux imprimés"),
            Map.entry("alertes", "Alertes"), Map.entry("valeur", "Valeur"), Map.entry("nomImprime", "Nom imprimé"),
            Map.entry("nom", "Nom"), Map.entry("sigle", "Sigle"), Map.entry("genre", "Genre"), Map.entry("role", "Rôle"),
            Map.entry("representants", "Représentants"), Map.entry("personne", "Personne"), Map.entry("civilite", "Civilité"),
            Map.entry("prenom", "Prénom"), Map.entry("fonction", "Fonction"), Map.entry("cle", "Clé"),
            Map.entry("mandats", "Mandats (un par ligne)"), Map.entry("texte", "Texte"), Map.entry("partie", "Partie"),
            Map.entry("instance", "Instance"), Map.entry("date", "Date"), Map.entry("dateTexte", "Date telle qu'imprimée"),
            Map.entry("dateDebut", "Date de début"), Map.entry("dateFin", "Date de fin"), Map.entry("dureeAnnees", "Durée (années)"),
            Map.entry("dateFinAuPlusTard", "Date de fin au plus tard"), Map.entry("libelleImprime", "Libellé imprimé"),
            Map.entry("lieu", "Lieu"), Map.entry("nombreOriginaux", "Nombre d'originaux"),
            Map.entry("nombreOriginauxTexte", "Nombre d'originaux tel qu'imprimé"), Map.entry("nature", "Nature"),
            Map.entry("numero", "Numéro"), Map.entry("intitule", "Intitulé"), Map.entry("objectifs", "Objectifs (un par ligne)"),
            Map.entry("libelleGroupe", "Groupe de signataires (imprimé)"), Map.entry("quoi", "Ce qui est compté"),
            Map.entry("imprime", "Nombre imprimé"), Map.entry("trouve", "Nombre trouvé"), Map.entry("modele", "Modèle de fiche"),
            Map.entry("niveaux", "Niveaux"), Map.entry("champs", "Champs"), Map.entry("noeuds", "Axes et nœuds"),
            Map.entry("fiches", "Fiches"), Map.entry("comptes", "Comptes imprimés"), Map.entry("programme", "Programme (action × année)"),
            Map.entry("calendrier", "Calendrier"), Map.entry("notes", "Notes (une par ligne)"), Map.entry("numerotation", "Numérotation"),
            Map.entry("prefixe", "Préfixe"), Map.entry("libelle", "Libellé"), Map.entry("type", "Type"),
            Map.entry("reference", "Référence"), Map.entry("contexte", "Contexte"), Map.entry("compte", "Compte imprimé"),
            Map.entry("annees", "Années (une par ligne)"), Map.entry("echeances", "Échéances"), Map.entry("sousActions", "Sous-actions"),
            Map.entry("porteur", "Porteur"), Map.entry("annee", "Année"), Map.entry("phase", "Phase"),
            Map.entry("services", "Services soutenus"), Map.entry("matriceAo", "Matrice AO"), Map.entry("projections", "Projections AO"),
            Map.entry("instances", "Instances de gouvernance"), Map.entry("collectivite", "Collectivité (imprimée)"),
            Map.entry("collectiviteResolue", "Collectivité au référentiel"), Map.entry("typeImprime", "Type imprimé"),
            Map.entry("sousType", "Sous-type"), Map.entry("gestionnaire", "Gestionnaire"), Map.entry("adresse", "Adresse"),
            Map.entry("codePostal", "Code postal"), Map.entry("commune", "Commune"), Map.entry("capacite", "Capacité"),
            Map.entry("horsBonusTerritoire", "Hors Bonus territoire"), Map.entry("competence", "Compétence"),
            Map.entry("mode", "Mode"), Map.entry("modeImprime", "Mode imprimé"), Map.entry("populationImprimee", "Population imprimée"),
            Map.entry("ao", "Autorité organisatrice"), Map.entry("lignes", "Lignes"), Map.entry("actuel", "Actuel"),
            Map.entry("actuelPrecision", "Précision de l'actuel"), Map.entry("besoinsEmploisCompetences", "Besoins emplois et compétences"),
            Map.entry("autresBesoins", "Autres besoins"), Map.entry("projetsType", "Projets (type)"),
            Map.entry("projetsCoutCalendrier", "Projets (coût, calendrier)"), Map.entry("ingenierie", "Ingénierie"),
            Map.entry("precision", "Précision"), Map.entry("frequence", "Fréquence"), Map.entry("reunionsParAn", "Réunions par an"),
            Map.entry("missions", "Missions (une par ligne)"), Map.entry("thematiques", "Thématiques (une par ligne)"),
            Map.entry("membres", "Membres"), Map.entry("organisation", "Organisation (imprimée)"),
            Map.entry("organisationResolue", "Organisation au référentiel"), Map.entry("copresident", "Coprésident"),
            Map.entry("secretariat", "Secrétariat"), Map.entry("consultatif", "Voix consultative"), Map.entry("message", "Message"));

    private static final Map<String, String> SINGULIERS = Map.ofEntries(
            Map.entry("parties", "Partie"), Map.entry("personnes", "Personne"), Map.entry("visas", "Visa"),
            Map.entry("deliberations", "Délibération"), Map.entry("sections", "Section"), Map.entry("enjeux", "Enjeu"),
            Map.entry("objectifsConjoints", "Objectif conjoint"), Map.entry("totaux", "Total"), Map.entry("alertes", "Alerte"),
            Map.entry("representants", "Représentant"), Map.entry("niveaux", "Niveau"), Map.entry("champs", "Champ ajouté"),
            Map.entry("noeuds", "Nœud"), Map.entry("fiches", "Fiche"), Map.entry("comptes", "Compte"),
            Map.entry("programme", "Cellule du programme"), Map.entry("calendrier", "Phase"), Map.entry("sousActions", "Sous-action"),
            Map.entry("services", "Service"), Map.entry("matriceAo", "Cellule AO"), Map.entry("projections", "Projection"),
            Map.entry("instances", "Instance"), Map.entry("lignes", "Ligne"), Map.entry("membres", "Membre"),
            Map.entry("titre", "Titre"), Map.entry("caf", "Caf"), Map.entry("epci", "Territoire principal"),
            Map.entry("periode", "Période"), Map.entry("reconduction", "Reconduction"), Map.entry("signature", "Signature"),
            Map.entry("compte", "Compte imprimé"));

    /** Fields whose text is long enough to be edited in a text area. */
    private static final Set<String> LONGS = Set.of("texte", "contexte", "message", "intitule", "besoinsEmploisCompetences",
            "autresBesoins", "projetsType", "projetsCoutCalendrier", "ingenierie", "echeances", "libelleImprime");

    /** The properties that hold the printed or main text of an element, first found names it. */
    static final List<String> PRINCIPAUX = List.of("titre", "intitule", "nomImprime", "nom", "libelle", "reference", "texte",
            "organisation", "collectivite", "ao", "quoi", "phase", "message", "valeur", "instance", "partie");

    private LibellesDeRevue() {
    }

    static String libelle(String propriete) {
        String l = LIBELLES.get(propriete);
        return l != null ? l : propriete.replaceAll("([A-Z])", " $1").toLowerCase(java.util.Locale.FRENCH);
    }

    static String singulier(String propriete) {
        return SINGULIERS.getOrDefault(propriete, libelle(propriete));
    }

    static boolean long_(String propriete, String valeur) {
        return LONGS.contains(propriete) || valeur != null && (valeur.length() > 90 || valeur.contains("\n"));
    }

    /** Codes and labels of an enumeration kept as a text ({@code type} of a service, {@code mode} of an AO cell…), or null. */
    static Map<String, String> codes(Class<?> element, String propriete) {
        if (element == AnnexesTrouvees.ServiceTrouve.class && propriete.equals("type")) {
            return deEnum(TypeService.class);
        }
        if (element == AnnexesTrouvees.CompetenceAoTrouvee.class && propriete.equals("mode")) {
            return deEnum(ModeExercice.class);
        }
        if (element == AnnexesTrouvees.CompetenceAoTrouvee.class && propriete.equals("competence")) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("RECENSER_BESOINS", "Recenser les besoins");
            m.put("INFORMER_ACCOMPAGNER", "Informer et accompagner");
            m.put("PLANIFIER", "Planifier");
            m.put("SOUTENIR_QUALITE", "Soutenir la qualité");
            return m;
        }
        if (element == AnnexesTrouvees.LigneProjectionTrouvee.class && propriete.equals("mode")) {
            return deEnum(ModeAccueil.class);
        }
        if (element == AnnexesTrouvees.InstanceTrouvee.class && propriete.equals("type")) {
            return deEnum(TypeInstance.class);
        }
        if (element == ConventionTrouvee.Partie.class && propriete.equals("role")) {
            return Map.of("SIGNATAIRE", "Signataire", "ASSOCIEE", "Associée");
        }
        if (element == ConventionTrouvee.Section.class && propriete.equals("nature")) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("PREAMBULE", "Préambule");
            m.put("ARTICLE", "Article");
            m.put("CLAUSE", "Clause");
            return m;
        }
        return null;
    }

    /** The constants of an enum with their {@code libelle()} when it has one. */
    static Map<String, String> deEnum(Class<?> type) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Object constante : type.getEnumConstants()) {
            String code = ((Enum<?>) constante).name();
            String libelle = code;
            try {
                libelle = String.valueOf(type.getMethod("libelle").invoke(constante));
            } catch (ReflectiveOperationException | RuntimeException e) {
                // no label: the code is shown
            }
            m.put(code, libelle);
        }
        return m;
    }

    static List<String> lignes(String texte) {
        List<String> l = new ArrayList<>();
        if (texte != null) {
            for (String s : texte.split("\\R")) {
                if (!s.isBlank()) {
                    l.add(s.strip());
                }
            }
        }
        return l;
    }
}
