package fr.pilotectg.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import fr.pilotectg.shared.ErreurValidation;
import org.springframework.util.MultiValueMap;

/**
 * The fiche edit form, one input per template field: lists one item per line, organisations as
 * "Nom (rôle)", indicators as "libellé | quantitatif". Parses what the browser sends, and fills the form back.
 */
final class FormulaireFiche {

    private FormulaireFiche() {
    }

    /** Values to show in the inputs, keyed "champ_<cle>", plus titre, reference, echeances, annees. */
    static Map<String, Object> valeurs(ModeleFiche modele, Fiche fiche) {
        Map<String, Object> valeurs = new HashMap<>();
        valeurs.put("titre", fiche.titre());
        valeurs.put("reference", fiche.reference());
        valeurs.put("echeances", fiche.echeances());
        valeurs.put("annees", fiche.annees());
        valeurs.put("debut", fiche.debut() == null ? null : fiche.debut().toString());
        valeurs.put("fin", fiche.fin() == null ? null : fiche.fin().toString());
        valeurs.put("version", fiche.version());
        for (ChampModele champ : modele.champs()) {
            String cle = champ.cle();
            ChampsFiche c = fiche.champs();
            Object valeur = switch (champ.type()) {
                case TEXTE, VOCABULAIRE -> c.texte(cle);
                case LISTE, TERRITOIRES -> String.join("\n", c.liste(cle));
                case VOCABULAIRES -> null;
                case ORGANISATIONS -> String.join("\n", c.organisations(cle).stream()
                        .map(o -> o.nom() + (o.role() == null ? "" : " (" + o.role() + ")")).toList());
                case INDICATEURS -> String.join("\n", c.indicateurs(cle).stream()
                        .map(i -> i.libelle() + (i.type() == null ? "" : " | " + i.type().toLowerCase())).toList());
            };
            valeurs.put("champ_" + cle, valeur);
            if (champ.type() == TypeChamp.VOCABULAIRES) {
                valeurs.put("multi_" + cle, c.liste(cle));
            }
        }
        return valeurs;
    }

    /** What the user typed, to show it back after a refused save (a year that is not a number ticks no box). */
    static Map<String, Object> valeurs(MultiValueMap<String, String> saisie) {
        Map<String, Object> valeurs = new HashMap<>();
        saisie.forEach((cle, liste) -> valeurs.put(cle, cle.equals("annees") || cle.startsWith("multi_")
                ? liste.stream().filter(v -> !cle.equals("annees") || v.trim().matches("\\d{1,9}"))
                        .map(v -> cle.equals("annees") ? (Object) Integer.valueOf(v.trim()) : v).toList()
                : liste.get(0)));
        return valeurs;
    }

    static ContenuFiche contenu(ModeleFiche modele, MultiValueMap<String, String> saisie, Fiche actuelle) {
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        Map<String, String> textes = new LinkedHashMap<>();
        Map<String, List<String>> listes = new LinkedHashMap<>();
        Map<String, List<OrganisationCitee>> organisations = new LinkedHashMap<>();
        Map<String, List<Indicateur>> indicateurs = new LinkedHashMap<>();
        for (ChampModele champ : modele.champs()) {
            String cle = champ.cle();
            switch (champ.type()) {
                case TEXTE, VOCABULAIRE -> {
                    String texte = saisie.getFirst("champ_" + cle);
                    if (texte != null && !texte.isBlank()) {
                        textes.put(cle, texte.trim());
                    }
                }
                case LISTE, TERRITOIRES -> {
                    List<String> lignes = lignes(saisie.getFirst("champ_" + cle));
                    if (!lignes.isEmpty()) {
                        listes.put(cle, lignes);
                    }
                }
                case VOCABULAIRES -> {
                    List<String> codes = saisie.getOrDefault("multi_" + cle, List.of());
                    if (!codes.isEmpty()) {
                        listes.put(cle, codes);
                    }
                }
                case ORGANISATIONS -> {
                    List<OrganisationCitee> citees = lignes(saisie.getFirst("champ_" + cle)).stream()
                            .map(l -> organisation(l, actuelle.champs().organisations(cle))).toList();
                    if (!citees.isEmpty()) {
                        organisations.put(cle, citees);
                    }
                }
                case INDICATEURS -> {
                    List<Indicateur> liste = new ArrayList<>();
                    for (String ligne : lignes(saisie.getFirst("champ_" + cle))) {
                        String[] parties = ligne.split("\\|", 2);
                        String type = parties.length == 2 ? parties[1].trim().toUpperCase() : null;
                        if (type != null && type.isEmpty()) {
                            type = null;
                        }
                        liste.add(new Indicateur(parties[0].trim(), type));
                    }
                    if (!liste.isEmpty()) {
                        indicateurs.put(cle, liste);
                    }
                }
            }
        }
        List<Integer> annees = new ArrayList<>();
        for (String annee : saisie.getOrDefault("annees", List.of())) {
            try {
                annees.add(Integer.parseInt(annee.trim()));
            } catch (NumberFormatException e) {
                erreurs.add(new ErreurValidation.Erreur("annees", "« " + annee + " » n'est pas une année."));
            }
        }
        java.time.YearMonth debut = DatesFiche.lire("debut", saisie.getFirst("debut"), erreurs);
        java.time.YearMonth fin = DatesFiche.lire("fin", saisie.getFirst("fin"), erreurs);
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        return new ContenuFiche(saisie.getFirst("reference"), saisie.getFirst("titre"),
                new ChampsFiche(textes, listes, organisations, indicateurs), annees, saisie.getFirst("echeances"), null, debut, fin);
    }

    /**
     * "Nom (rôle)" → organisation; keeps the link of an organisation already linked under the same name. A line
     * that is exactly the name of an organisation of the fiche without role ("Communes porteuses d'ALSH (Lavilledieu
     * et Vals Les Bains)") is that name, brackets included: saving the form unchanged changes nothing.
     */
    private static OrganisationCitee organisation(String ligne, List<OrganisationCitee> actuelles) {
        Optional<OrganisationCitee> telleQuelle = actuelles.stream()
                .filter(o -> o.role() == null && o.nom() != null && o.nom().trim().equalsIgnoreCase(ligne)).findFirst();
        if (telleQuelle.isPresent()) {
            return new OrganisationCitee(ligne, telleQuelle.get().organisationId(), null);
        }
        String nom = ligne;
        String role = null;
        if (ligne.endsWith(")") && ligne.contains(" (")) {
            int i = ligne.lastIndexOf(" (");
            nom = ligne.substring(0, i).trim();
            role = ligne.substring(i + 2, ligne.length() - 1).trim();
        }
        String nomFinal = nom;
        Long id = actuelles.stream().filter(o -> o.nom().equalsIgnoreCase(nomFinal)).map(OrganisationCitee::organisationId)
                .filter(Objects::nonNull).findFirst().orElse(null);
        return new OrganisationCitee(nom, id, role);
    }

    private static List<String> lignes(String texte) {
        if (texte == null) {
            return List.of();
        }
        return Arrays.stream(texte.split("\\R")).map(String::trim).filter(l -> !l.isEmpty()).toList();
    }
}
