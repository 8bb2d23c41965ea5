package fr.pilotectg.gouvernance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The governance of a convention, with the names of the organisations it cites and whether the reader may edit it. */
public record Gouvernance(long conventionId, String conventionTitre, int version, List<Instance> instances,
                          List<ChargeCooperation> charges, Map<Long, String> noms, boolean modifiable, List<Reunion> reunions) {

    public Gouvernance {
        instances = List.copyOf(instances);
        charges = List.copyOf(charges);
        reunions = List.copyOf(reunions);
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

    /** The rank (from 1) of the body a meeting belongs to, or null when the body was removed since. */
    public Integer rang(java.util.UUID cle) {
        for (int i = 0; i < instances.size(); i++) {
            if (instances.get(i).cle() != null && instances.get(i).cle().equals(cle)) {
                return i + 1;
            }
        }
        return null;
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
