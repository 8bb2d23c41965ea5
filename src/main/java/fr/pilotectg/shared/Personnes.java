package fr.pilotectg.shared;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * People as pages show them: their name and their organisation (« Camille Martin (Caf de l'Ardèche) »), never
 * their login, which only the administration pages show. A login that is no account (« système », an account
 * removed since) is shown as it is. Templates call {@code ${@personnes.nom(login)}}; SQL reading many rows at once
 * uses {@link #sqlNom(String)}.
 */
@Component("personnes")
public class Personnes {

    private final JdbcClient jdbc;

    Personnes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The name and organisation of the account {@code identifiant}; null for null. */
    public String nom(String identifiant) {
        if (identifiant == null || identifiant.isBlank()) {
            return identifiant;
        }
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
