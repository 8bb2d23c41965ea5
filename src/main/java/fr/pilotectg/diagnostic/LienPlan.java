package fr.pilotectg.diagnostic;

/** An axis (node) or a fiche of the plan that answers an enjeu, shown with its reference and title. */
public record LienPlan(String type, long id, String reference, String titre) {

    public static final String AXE = "axe";
    public static final String FICHE = "fiche";

    public String texte() {
        return (FICHE.equals(type) ? "Fiche " : "Axe ") + (reference == null || reference.isBlank() ? "" : reference + " — ") + titre;
    }
}
