package fr.pilotectg.web;

import java.util.Map;

import static java.util.Map.entry;

/**
 * What an error status means, in French, for the pages and the API: the error controller and the container's
 * error valve both answer with these words, never with the status's English reason phrase.
 */
record ErreurHttp(String titre, String message) {

    private static final ErreurHttp ERREUR_INTERNE = new ErreurHttp("Erreur interne",
            "Une erreur inattendue s'est produite. Réessayez ; si elle se reproduit, signalez-la à l'administrateur de Pilote CTG.");
    private static final ErreurHttp REQUETE_REFUSEE = new ErreurHttp("Requête refusée", "La requête n'a pas pu être traitée.");

    private static final Map<Integer, ErreurHttp> PAR_STATUS = Map.ofEntries(
            entry(400, new ErreurHttp("Requête invalide",
                    "L'adresse ou les données envoyées ne sont pas valides. Vérifiez l'adresse, ou revenez au formulaire et réessayez.")),
            entry(401, new ErreurHttp("Authentification requise", "Connectez-vous pour accéder à cette ressource.")),
            entry(403, new ErreurHttp("Accès refusé", "Vous n'avez pas le droit d'accéder à cette page ou de faire cette action. "
                    + "Si vous veniez d'un formulaire, rechargez-le et réessayez.")),
            entry(404, new ErreurHttp("Page introuvable", "Aucune page ni ressource ne correspond à cette adresse.")),
            entry(405, new ErreurHttp("Méthode non autorisée", "Cette adresse n'accepte pas la méthode HTTP utilisée.")),
            entry(406, new ErreurHttp("Format non disponible", "Cette ressource n'existe pas dans le format demandé (en-tête Accept).")),
            entry(409, new ErreurHttp("Modification en conflit", "La ressource a changé entre-temps : rechargez-la et réessayez.")),
            entry(413, new ErreurHttp("Envoi trop volumineux",
                    "Le fichier ou les données envoyés dépassent la taille maximale acceptée.")),
            entry(414, new ErreurHttp("Adresse trop longue", "L'adresse demandée est trop longue.")),
            entry(415, new ErreurHttp("Type de contenu non pris en charge",
                    "Le type des données envoyées (en-tête Content-Type) n'est pas accepté à cette adresse.")),
            entry(429, new ErreurHttp("Trop de tentatives",
                    "Trop de requêtes en peu de temps : patientez quelques minutes puis réessayez.")),
            entry(431, new ErreurHttp("En-têtes trop volumineux", "Les en-têtes de la requête sont trop volumineux.")),
            entry(500, ERREUR_INTERNE),
            entry(503, new ErreurHttp("Service indisponible",
                    "Pilote CTG est momentanément indisponible : réessayez dans quelques minutes.")));

    /** The words of a status; a status without its own words gets the generic words of its class (4xx or 5xx). */
    static ErreurHttp de(int status) {
        return PAR_STATUS.getOrDefault(status, status < 500 ? REQUETE_REFUSEE : ERREUR_INTERNE);
    }
}
