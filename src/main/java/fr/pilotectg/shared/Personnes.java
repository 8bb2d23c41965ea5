package fr.pilotectg.shared;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * People as pages show them: their name and their organisation (« Camille Martin (Caf de l'Ardèche) »), never
 * their login, which only the administration pages show. A login that is no account (« système », an account
 * removed since) is shown as it is. Templates call {@code ${@personnes.nom(login)}}; SQL reading many rows at once
 * uses {@link #sqlNom(String)}.
 */
@Component("personnes")
public class Personnes {

    private static final String CACHE = Personnes.class.getName() + ".noms";

    private final JdbcClient jdbc;

    Personnes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The name and organisation of the account {@code identifiant}; null for null. Within a web request each login is
     * read once (a table of 50 follow-up rows by the same author is one statement, not 50: issue 16).
     */
    public String nom(String identifiant) {
        if (identifiant == null || identifiant.isBlank()) {
            return identifiant;
        }
        RequestAttributes requete = RequestContextHolder.getRequestAttributes();
        if (requete == null) {
            return lire(identifiant);
        }
        @SuppressWarnings("unchecked")
        Map<String, String> deja = (Map<String, String>) requete.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST);
        if (deja == null) {
            deja = new HashMap<>();
            requete.setAttribute(CACHE, deja, RequestAttributes.SCOPE_REQUEST);
        }
        return deja.computeIfAbsent(identifiant, this::lire);
    }

    private String lire(String identifiant) {
        List<String> noms = jdbc.sql("SELECT " + sqlNom(":identifiant")).param("identifiant", identifiant).query(String.class).list();
        return noms.isEmpty() || noms.get(0) == null ? identifiant : noms.get(0);
    }

    /**
     * SQL expression giving the display name of the login held by {@code colonne} (a column or a parameter): the
     * account's name followed by its organisation in parentheses (left out when the name already says it), or the
     * login itself when no account has it.
     */
    public static String sqlNom(String colonne) {
        return "COALESCE((SELECT CASE WHEN o.nom IS NULL OR strpos(u.nom_affiche, o.nom) > 0 THEN u.nom_affiche"
                + " ELSE u.nom_affiche || ' (' || o.nom || ')' END"
                + " FROM utilisateur u LEFT JOIN organisation o ON o.id = u.organisation_id WHERE u.identifiant = " + colonne + "), "
                + colonne + ")";
    }
}
