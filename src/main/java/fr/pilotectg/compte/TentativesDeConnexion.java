package fr.pilotectg.compte;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import fr.pilotectg.shared.FormatFr;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed logins, counted in PostgreSQL (so shared by every instance) per account identifier, whether the
 * account exists or not, and per client address. Reaching the limit locks the identifier or the address
 * for a while and restarts its count; rows whose window and lock are over are deleted as failures come.
 */
@Component
class TentativesDeConnexion {

    /** What a counter is about; an identifier is cut to this length (no account has a longer one). */
    private static final int LONGUEUR_MAX = 100;

    private enum Type {
        COMPTE("Compte"), ADRESSE("Adresse");

        private final String libelle;

        Type(String libelle) {
            this.libelle = libelle;
        }
    }

    private final JdbcClient jdbc;
    private final Journal journal;
    private final Clock horloge;
    private final LimitesDeConnexion limites;

    TentativesDeConnexion(JdbcClient jdbc, Journal journal, Clock horloge, LimitesDeConnexion limites) {
        this.jdbc = jdbc;
        this.journal = journal;
        this.horloge = horloge;
        this.limites = limites;
    }

    /** Whether the identifier or the address is locked now. One indexed read: no password is checked. */
    boolean bloquee(String identifiant, String adresse) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM echec_connexion
                                       WHERE ((type = 'COMPTE' AND valeur = :compte) OR (type = 'ADRESSE' AND valeur = :adresse))
                                         AND bloque_jusqua > :maintenant)""")
                .param("compte", compte(identifiant)).param("adresse", adresse).param("maintenant", maintenant())
                .query(Boolean.class).single();
    }

    @Transactional
    void echec(String identifiant, String adresse) {
        OffsetDateTime maintenant = maintenant();
        jdbc.sql("DELETE FROM echec_connexion WHERE debut <= :debutFenetre AND (bloque_jusqua IS NULL OR bloque_jusqua <= :maintenant)")
                .param("debutFenetre", maintenant.minus(limites.fenetre())).param("maintenant", maintenant)
                .update();
        compter(Type.COMPTE, compte(identifiant), limites.echecsParCompte(), maintenant);
        if (adresse != null) {
            compter(Type.ADRESSE, adresse, limites.echecsParAdresse(), maintenant);
        }
    }

    /** A successful login clears the failures of its account (not those of its address). */
    void reussite(String identifiant) {
        jdbc.sql("DELETE FROM echec_connexion WHERE type = 'COMPTE' AND valeur = :compte")
                .param("compte", compte(identifiant)).update();
    }

    private void compter(Type type, String valeur, int limite, OffsetDateTime maintenant) {
        int echecs = jdbc.sql("""
                        INSERT INTO echec_connexion AS e (type, valeur, echecs, debut) VALUES (:type, :valeur, 1, :maintenant)
                        ON CONFLICT (type, valeur) DO UPDATE SET
                            echecs = CASE WHEN e.debut > :debutFenetre THEN e.echecs + 1 ELSE 1 END,
                            debut = CASE WHEN e.debut > :debutFenetre THEN e.debut ELSE :maintenant END
                        RETURNING echecs""")
                .param("type", type.name()).param("valeur", valeur).param("maintenant", maintenant)
                .param("debutFenetre", maintenant.minus(limites.fenetre()))
                .query(Integer.class).single();
        if (echecs >= limite) {
            OffsetDateTime fin = maintenant.plus(limites.blocage());
            jdbc.sql("UPDATE echec_connexion SET echecs = 0, debut = :maintenant, bloque_jusqua = :fin WHERE type = :type AND valeur = :valeur")
                    .param("maintenant", maintenant).param("fin", fin).param("type", type.name()).param("valeur", valeur)
                    .update();
            journal.enregistrer("connexion", null, null, "blocage temporaire après " + echecs + " échecs",
                    List.of(new Changement(type.libelle, null, valeur), new Changement("Bloqué jusqu'au", null, FormatFr.dateHeure(fin))));
        }
    }

    private OffsetDateTime maintenant() {
        return OffsetDateTime.now(horloge);
    }

    private static String compte(String identifiant) {
        String valeur = identifiant == null ? "" : identifiant;
        return valeur.length() > LONGUEUR_MAX ? valeur.substring(0, LONGUEUR_MAX) : valeur;
    }
}
