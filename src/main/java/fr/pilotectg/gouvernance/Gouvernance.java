package fr.pilotectg.gouvernance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The governance of a convention, with the names of the organisations it cites and whether the reader may edit it. */
public record Gouvernance(long conventionId, String conventionTitre, int version, List<Instance> instances,
                          List<ChargeCooperation> charges, Map<Long, String> noms, boolean modifiable) {

    public Gouvernance {
        instances = List.copyOf(instances);
        charges = List.copyOf(charges);
        noms = Map.copyOf(noms);
    }

    public String nom(long organisationId) {
        return noms.getOrDefault(organisationId, "organisation n° " + organisationId);
    }

    /** "Caf de l'Ardèche, CCBA". */
    public String noms(List<Membre> membres) {
        return String.join(", ", membres.stream().map(m -> nom(m.organisationId())
                + (m.personne() == null ? "" : " (" + m.personne() + ")")).toList());
    }

    public BigDecimal etpTotal() {
        return charges.stream().map(ChargeCooperation::etp).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** "0,75", "1": an ETP as people write it. */
    public String etp(BigDecimal etp) {
        return etp == null ? "" : etp.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    public boolean vide() {
        return instances.isEmpty() && charges.isEmpty();
    }
}
