package fr.pilotectg.organisation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Gives the organisations inserted by SQL migrations (the Cafs of V30) their normalised name, at start. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ClesDesOrganisations implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ClesDesOrganisations.class);

    private final AnnuaireRepository repository;
    private final PersonneRepository personnes;

    ClesDesOrganisations(AnnuaireRepository repository, PersonneRepository personnes) {
        this.repository = repository;
        this.personnes = personnes;
    }

    @Override
    public void run(ApplicationArguments args) {
        int completees = repository.completerCles() + personnes.completerCles();
        if (completees > 0) {
            LOG.info("Noms normalisés calculés pour {} organisations et personnes", completees);
        }
    }
}
