package fr.pilotectg.demo;

import java.util.List;

import fr.pilotectg.organisation.OrganisationService;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Outside demo mode, the app refuses to start while demo accounts still open with the password
 * "demo": a production database must never keep them.
 * <p>
 * The check runs once every singleton is created (so after the Flyway migrations) and before the
 * context's refresh ends, that is before the embedded web server opens its port: no request is ever
 * answered with a demo account. An {@code ApplicationRunner} would run only after the server started.
 */
@Component
@ConditionalOnProperty(name = "pilote.demo.actif", havingValue = "false", matchIfMissing = true)
class DemoAccountsGuard implements SmartInitializingSingleton {

    static final List<String> COMPTES_DEMO = List.of("admin", "caf07", "ccba", "caf42", "pilat", "lecteur", "palabre");

    private final OrganisationService organisations;

    DemoAccountsGuard(OrganisationService organisations) {
        this.organisations = organisations;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> ouverts = organisations.comptesAvecMotDePasse(COMPTES_DEMO, DemoDataLoader.MOT_DE_PASSE_DEMO);
        if (!ouverts.isEmpty()) {
            throw new IllegalStateException("Démarrage refusé : les comptes de démonstration " + ouverts
                    + " ont encore le mot de passe « demo » alors que le mode démo n'est pas actif. "
                    + "Changez leur mot de passe ou désactivez-les, ou lancez l'application avec le profil « demo ».");
        }
    }
}
