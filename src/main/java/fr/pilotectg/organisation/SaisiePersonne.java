package fr.pilotectg.organisation;

import java.time.LocalDate;
import java.util.List;

/**
 * A person as typed, with mandates: a mandate with an id changes that mandate, one without is added; mandates not
 * listed are kept (they may be cited by conventions: end them with a date instead).
 */
public record SaisiePersonne(String civilite, String prenom, String nom, List<SaisieMandat> mandats) {

    public record SaisieMandat(Long id, Long organisationId, String fonction, LocalDate debut, LocalDate fin) {
    }
}
