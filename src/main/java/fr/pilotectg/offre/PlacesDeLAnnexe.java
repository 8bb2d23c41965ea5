package fr.pilotectg.offre;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import fr.pilotectg.diagnostic.PlacesDeclarees;
import org.springframework.stereotype.Component;

/** Capacities of the EAJE PSU and micro-crèches of the services annex, for the diagnostic's cross-check. */
@Component
class PlacesDeLAnnexe implements PlacesDeclarees {

    private final OffreRepository repository;

    PlacesDeLAnnexe(OffreRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<Chiffre> places(long conventionId) {
        List<Integer> capacites = repository.services(conventionId).stream()
                .filter(s -> s.type() == TypeService.EAJE_PSU || s.type() == TypeService.MICRO_CRECHE_PAJE)
                .map(ServiceSoutenu::capacite).filter(Objects::nonNull).toList();
        return capacites.isEmpty() ? Optional.empty()
                : Optional.of(new Chiffre("annexe des services (capacités)", BigDecimal.valueOf(capacites.stream().mapToLong(Integer::longValue).sum())));
    }
}
