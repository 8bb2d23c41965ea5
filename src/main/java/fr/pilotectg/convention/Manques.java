package fr.pilotectg.convention;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * "What is missing before signature". Only a convention without signatory or without period cannot be
 * marked signed; the other items are shown so that the chargée de coopération can chase them: real
 * conventions are signed with "xx 2025" délibérations, and older ones are recorded without all their facts.
 */
final class Manques {

    record Manque(String message, boolean bloquant) {
    }

    private Manques() {
    }

    static List<Manque> pour(Convention convention, LongFunction<String> nomOrganisation) {
        List<Manque> manques = new ArrayList<>();
        if (convention.parties().stream().noneMatch(p -> p.role() == RolePartie.SIGNATAIRE)) {
            manques.add(new Manque("aucune partie signataire", true));
        }
        if (!convention.periode().estConnue()) {
            manques.add(new Manque("période non renseignée (dates ou durée)", true));
        }
        if (convention.signature().date() == null) {
            manques.add(new Manque("date de signature non renseignée", false));
        }
        if (convention.signature().lieu() == null) {
            manques.add(new Manque("lieu de signature non renseigné", false));
        }
        for (Partie partie : convention.parties()) {
            if (partie.role() == RolePartie.SIGNATAIRE && convention.representantsDe(partie.organisationId()).isEmpty()) {
                manques.add(new Manque(nomOrganisation.apply(partie.organisationId()) + " : aucun représentant", false));
            }
        }
        long sansDate = convention.deliberations().stream().filter(Deliberation::sansDate).count();
        if (sansDate > 0) {
            manques.add(new Manque(sansDate == 1 ? "1 délibération sans date" : sansDate + " délibérations sans date", false));
        }
        for (Partie partie : convention.parties()) {
            boolean aDelibere = convention.deliberations().stream().anyMatch(d -> d.organisationId() == partie.organisationId());
            if (partie.role() == RolePartie.SIGNATAIRE && !aDelibere) {
                manques.add(new Manque(nomOrganisation.apply(partie.organisationId()) + " : aucune délibération", false));
            }
        }
        return manques;
    }

    static List<String> bloquantsPourSignature(Convention convention) {
        return pour(convention, id -> "une partie signataire").stream()
                .filter(Manque::bloquant).map(Manque::message).distinct().toList();
    }
}
