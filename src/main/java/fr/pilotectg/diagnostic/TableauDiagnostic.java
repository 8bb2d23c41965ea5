package fr.pilotectg.diagnostic;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import fr.pilotectg.diagnostic.ColonneDiagnostic.Genre;
import fr.pilotectg.shared.Introuvable;

import static fr.pilotectg.diagnostic.ColonneDiagnostic.annee;
import static fr.pilotectg.diagnostic.ColonneDiagnostic.choix;
import static fr.pilotectg.diagnostic.ColonneDiagnostic.code;
import static fr.pilotectg.diagnostic.ColonneDiagnostic.nombre;
import static fr.pilotectg.diagnostic.ColonneDiagnostic.pourcentage;
import static fr.pilotectg.diagnostic.ColonneDiagnostic.texte;
import static fr.pilotectg.diagnostic.ColonneDiagnostic.texteLong;

/**
 * The tables of the diagnostic edited on their own page (issue 15 item 9), row by row with each row's version.
 * The AFOM and the enjeux share the table of findings, each page keeping to its natures ({@link #filtre}).
 */
public enum TableauDiagnostic {
    EAJE("eaje", "diagnostic_eaje", null, "Établissements d'accueil du jeune enfant (EAJE)", "établissement", "eaje", List.of(
            texte("nom", "nom", "Nom de l'établissement", true), texte("commune", "commune", "Commune", false),
            code("codeInsee", "code_insee", "Code INSEE", false, true), texte("type", "type", "Type d'accueil", false),
            texte("gestionnaire", "gestionnaire", "Gestionnaire", false),
            nombre("places", "places", "Places", Genre.ENTIER, true),
            nombre("enfantsInscrits", "enfants_inscrits", "Enfants inscrits", Genre.ENTIER, false),
            nombre("tauxOccupationFinancier", "taux_occupation_financier", "Taux d'occupation financier (%)", Genre.DECIMAL, false),
            nombre("enfantsParPlace", "enfants_par_place", "Enfants par place (imprimé)", Genre.DECIMAL, false),
            nombre("partUsagers", "part_usagers", "Participation des usagers (%)", Genre.DECIMAL, false),
            annee("annee", false), texte("source", "source", "Source", false), texteLong("note", "note", "Note", false))),
    ALSH("alsh", "diagnostic_alsh", null, "Accueils de loisirs sans hébergement (ALSH)", "accueil de loisirs", "alsh", List.of(
            texte("nom", "nom", "Nom de l'accueil", true),
            choix("categorie", "categorie", "Catégorie", CategorieAlsh.values(), CategorieAlsh::libelle),
            nombre("enfantsAccueillis", "enfants_accueillis", "Enfants accueillis", Genre.ENTIER, false),
            nombre("enfantsAeeh", "enfants_aeeh", "Enfants bénéficiaires de l'AEEH", Genre.VALEUR_ENTIERE, false),
            nombre("heuresRealisees", "heures_realisees", "Heures réalisées", Genre.DECIMAL, false),
            nombre("heuresFacturees", "heures_facturees", "Heures facturées", Genre.DECIMAL, false),
            nombre("actesOuvrantDroit", "actes_ouvrant_droit", "Actes ouvrant droit", Genre.DECIMAL, false),
            nombre("prixRevientHeurePresence", "prix_revient_heure_presence", "Prix de revient par heure de présence (€)", Genre.DECIMAL, false),
            nombre("prixRevientHeureFacturee", "prix_revient_heure_facturee", "Prix de revient par heure facturée (€)", Genre.VALEUR, false),
            annee("annee", false), texte("source", "source", "Source", false))),
    FINANCEMENTS("financements", "diagnostic_financement", null, "Financements de la Caf par secteur", "ligne de financement",
            "financements", List.of(
            texte("secteur", "secteur", "Secteur", true), texte("categorie", "categorie", "Catégorie", true), annee("annee", true),
            nombre("montant", "montant", "Montant (€)", Genre.VALEUR, true), pourcentage("poids", "poids", "Poids dans le total (%)"))),
    AFOM("afom", "diagnostic_constat", "nature IN ('ATOUT', 'FAIBLESSE', 'OPPORTUNITE', 'MENACE')",
            "Atouts, faiblesses, opportunités, menaces (AFOM)", "élément de l'AFOM", "afom", List.of(
            choix("nature", "nature", "Case de l'AFOM", Arrays.stream(NatureConstat.values()).filter(NatureConstat::estAfom)
                    .toArray(NatureConstat[]::new), NatureConstat::libelle),
            texteLong("texte", "texte", "Texte", true), texte("source", "source", "Source", false))),
    ENJEUX("enjeux", "diagnostic_constat", "nature IN ('ENJEU', 'BESOIN')", "Enjeux et besoins par thématique", "enjeu ou besoin",
            null, List.of(
            choix("nature", "nature", "Nature", new NatureConstat[]{NatureConstat.ENJEU, NatureConstat.BESOIN}, NatureConstat::libelle),
            texte("thematique", "thematique", "Thématique", true), texteLong("texte", "texte", "Texte", true),
            texte("source", "source", "Source", false))),
    SOURCES("sources", "diagnostic_source", null, "Sources du diagnostic", "source", "sources", List.of(
            code("cle", "cle", "Clé (citée par les valeurs, non modifiable ensuite)", true, false),
            choix("type", "type", "Type de source", TypeSource.values(), TypeSource::libelle),
            texte("libelle", "libelle", "Libellé", true), annee("annee", false),
            texte("date", "date_texte", "Date (telle qu'écrite)", false), texte("emplacement", "emplacement", "Emplacement", false))),
    INDICATEURS("indicateurs", "diagnostic_indicateur", null, "Indicateurs du diagnostic", "indicateur", null, List.of(
            code("code", "code", "Code (cité par les valeurs, non modifiable ensuite)", true, false),
            texte("libelle", "libelle", "Libellé", true), texte("unite", "unite", "Unité", true),
            texte("thematique", "thematique", "Thématique", true), texteLong("definition", "definition", "Définition", false),
            code("numerateurCode", "numerateur_code", "Code de l'indicateur au numérateur", false, true),
            code("denominateurCode", "denominateur_code", "Code de l'indicateur au dénominateur", false, true)));

    final String chemin;
    final String table;
    /** A constant SQL condition restricting the rows of a shared table, or null. */
    final String filtre;
    private final String titre;
    private final String ligne;
    private final String ancre;
    private final List<ColonneDiagnostic> colonnes;

    TableauDiagnostic(String chemin, String table, String filtre, String titre, String ligne, String ancre, List<ColonneDiagnostic> colonnes) {
        this.chemin = chemin;
        this.table = table;
        this.filtre = filtre;
        this.titre = titre;
        this.ligne = ligne;
        this.ancre = ancre;
        this.colonnes = colonnes;
    }

    static TableauDiagnostic depuisChemin(String chemin) {
        return Arrays.stream(values()).filter(t -> t.chemin.equals(chemin)).findFirst()
                .orElseThrow(() -> new Introuvable("Pas de tableau « " + chemin + " » dans le diagnostic."));
    }

    public String chemin() {
        return chemin;
    }

    public String titre() {
        return titre;
    }

    /** What one row is, for messages: "établissement", "source". */
    public String ligne() {
        return ligne;
    }

    /** The anchor of the table on the diagnostic page (the enjeux are spread over the thématiques: none). */
    public String ancre() {
        return ancre;
    }

    /** The name of a row in headings and messages: its name, its label or the start of its text. */
    String titre(Map<String, String> valeurs, long id) {
        String titre = switch (this) {
            case EAJE, ALSH -> valeurs.get("nom");
            case FINANCEMENTS -> valeurs.get("secteur") + " — " + valeurs.get("categorie") + " (" + valeurs.get("annee") + ")";
            case AFOM, ENJEUX -> valeurs.get("texte");
            case SOURCES, INDICATEURS -> valeurs.get("libelle");
        };
        if (titre == null || titre.isBlank()) {
            return "n° " + id;
        }
        return titre.length() > 80 ? titre.substring(0, 79).strip() + "…" : titre;
    }

    public List<ColonneDiagnostic> colonnes() {
        return colonnes;
    }
}
