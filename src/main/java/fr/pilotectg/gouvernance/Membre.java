package fr.pilotectg.gouvernance;

/**
 * A member of a body: an organisation of the referential (a party to the convention or not) and, when known, a
 * person and their function as printed; a voting or consultative seat; co-chair and secretariat flags.
 */
public record Membre(long organisationId, String personne, String fonction, boolean consultatif,
                     boolean copresident, boolean secretariat) {

    /** "voix délibérative" or "à titre consultatif". */
    public String role() {
        return consultatif ? "CONSULTATIF" : "DELIBERATIF";
    }

    /** Same organisation and same person (or both without one), ignoring case and surrounding spaces. */
    boolean memeMembre(Membre autre) {
        return organisationId == autre.organisationId && cle(personne).equals(cle(autre.personne));
    }

    private static String cle(String personne) {
        return personne == null ? "" : fr.pilotectg.shared.Textes.plier(personne.strip());
    }
}
