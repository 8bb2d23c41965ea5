package fr.pilotectg.ao;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import fr.pilotectg.diagnostic.PlacesDeclarees;
import org.springframework.stereotype.Component;

/** Current places of EAJE PSU and micro-crèches in the AO projection tables, for the diagnostic's cross-check. */
@Component
class PlacesDeLaProjection implements PlacesDeclarees {

    private final AoRepository repository;

    PlacesDeLaProjection(AoRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<Chiffre> places(long conventionId) {
        List<BigDecimal> places = repository.lignesProjection(conventionId).stream().map(AoRepository.LigneStockee::ligne)
                .filter(l -> l.mode() == ModeAccueil.EAJE_PSU || l.mode() == ModeAccueil.MICRO_CRECHE_PAJE)
                .map(LigneProjection::actuel).filter(Objects::nonNull).toList();
        return places.isEmpty() ? Optional.empty()
                : Optional.of(new Chiffre("projection AO (places actuelles)", places.stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
    }
}
