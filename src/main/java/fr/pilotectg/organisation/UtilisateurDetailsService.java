package fr.pilotectg.organisation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class UtilisateurDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;

    UtilisateurDetailsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UtilisateurConnecte loadUserByUsername(String identifiant) {
        return jdbc.sql("""
                        SELECT id, identifiant, nom_affiche, role, organisation_id, mot_de_passe
                        FROM utilisateur WHERE identifiant = :identifiant AND actif""")
                .param("identifiant", identifiant)
                .query((rs, i) -> new UtilisateurConnecte(rs.getLong("id"), rs.getString("identifiant"),
                        rs.getString("nom_affiche"), Role.valueOf(rs.getString("role")),
                        (Long) rs.getObject("organisation_id"), rs.getString("mot_de_passe")))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException(identifiant));
    }
}
