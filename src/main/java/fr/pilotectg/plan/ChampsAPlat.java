package fr.pilotectg.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.pilotectg.shared.ErreurValidation;

/**
 * Template fields as one flat JSON object keyed by field ("enjeu": "…", "porteurs": [{"nom": …}]), as the API
 * exposes them, and back; a value of the wrong shape is refused naming its field.
 */
final class ChampsAPlat {

    private ChampsAPlat() {
    }

    static Map<String, Object> versMap(ModeleFiche modele, ChampsFiche champs) {
        Map<String, Object> resultat = new LinkedHashMap<>();
        for (ChampModele champ : modele.champs()) {
            String cle = champ.cle();
            switch (champ.type()) {
                case TEXTE, VOCABULAIRE -> {
                    if (champs.texte(cle) != null) {
                        resultat.put(cle, champs.texte(cle));
                    }
                }
                case LISTE, TERRITOIRES, VOCABULAIRES -> {
                    if (!champs.liste(cle).isEmpty()) {
                        resultat.put(cle, champs.liste(cle));
                    }
                }
                case ORGANISATIONS -> {
                    if (!champs.organisations(cle).isEmpty()) {
                        resultat.put(cle, champs.organisations(cle));
                    }
                }
                case INDICATEURS -> {
                    if (!champs.indicateurs(cle).isEmpty()) {
                        resultat.put(cle, champs.indicateurs(cle));
                    }
                }
            }
        }
        return resultat;
    }

    static ChampsFiche depuisMap(ModeleFiche modele, Map<String, Object> valeurs) {
        Map<String, String> textes = new HashMap<>();
        Map<String, List<String>> listes = new HashMap<>();
        Map<String, List<OrganisationCitee>> organisations = new HashMap<>();
        Map<String, List<Indicateur>> indicateurs = new HashMap<>();
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        (valeurs == null ? Map.<String, Object>of() : valeurs).forEach((cle, valeur) -> {
            ChampModele champ = modele.champ(cle).orElse(null);
            if (champ == null) {
                erreurs.add(new ErreurValidation.Erreur(cle, "Le champ « " + cle + " » n'existe pas dans le modèle « " + modele.libelle() + " »."));
                return;
            }
            if (valeur == null) {
                return;
            }
            try {
                switch (champ.type()) {
                    case TEXTE, VOCABULAIRE -> {
                        String texte = ((String) valeur).trim();
                        if (!texte.isEmpty()) {
                            textes.put(cle, texte);
                        }
                    }
                    case LISTE, TERRITOIRES, VOCABULAIRES -> {
                        List<String> liste = ((List<?>) valeur).stream().map(v -> ((String) v).trim()).filter(v -> !v.isEmpty()).toList();
                        if (!liste.isEmpty()) {
                            listes.put(cle, liste);
                        }
                    }
                    case ORGANISATIONS -> organisations.put(cle, ((List<?>) valeur).stream().map(v -> {
                        if (v instanceof OrganisationCitee citee) {
                            return citee; // a value read back from the fiche (PATCH keeps the members not sent)
                        }
                        if (v instanceof String nom) {
                            return new OrganisationCitee(nom.trim(), null, null);
                        }
                        if (v instanceof OrganisationCitee citee) {
                            // As read by versMap (PATCH keeps the members not sent).
                            return citee;
                        }
                        Map<?, ?> o = (Map<?, ?>) v;
                        Object id = o.get("organisationId");
                        return new OrganisationCitee((String) o.get("nom"), id == null ? null : ((Number) id).longValue(), (String) o.get("role"));
                    }).toList());
                    case INDICATEURS -> indicateurs.put(cle, ((List<?>) valeur).stream().map(v -> {
                        if (v instanceof Indicateur indicateur) {
                            return indicateur;
                        }
                        Map<?, ?> i = (Map<?, ?>) v;
                        return new Indicateur((String) i.get("libelle"), (String) i.get("type"), (String) i.get("cle"));
                    }).toList());
                }
            } catch (ClassCastException | NullPointerException e) {
                // A value of another JSON type, or a null item in a list ("publicCible": ["Familles", null]).
                erreurs.add(new ErreurValidation.Erreur(cle, "Valeur de forme inattendue pour « " + champ.libelle() + " » ("
                        + attendu(champ.type()) + ")."));
            }
        });
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        return new ChampsFiche(textes, listes, organisations, indicateurs);
    }

    private static String attendu(TypeChamp type) {
        return switch (type) {
            case TEXTE, VOCABULAIRE -> "un texte";
            case LISTE, TERRITOIRES, VOCABULAIRES -> "une liste de textes";
            case ORGANISATIONS -> "une liste de noms ou d'objets {nom, organisationId, role}";
            case INDICATEURS -> "une liste d'objets {libelle, type}";
        };
    }
}
