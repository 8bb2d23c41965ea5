package fr.pilotectg.plan;

import java.util.List;

/**
 * The links of a fiche or a plan node: ids of framework items ({@code referentiel_element}) and of objectifs conjoints
 * of its convention. A null member means "not sent" where that matters (PATCH).
 */
public record Liens(List<Long> referentielElements, List<Long> objectifsConjoints) {

    public static final Liens AUCUN = new Liens(List.of(), List.of());

    /** Nothing sent: the links stay as they are. */
    public static final Liens INCHANGES = new Liens(null, null);

    public boolean vide() {
        return (referentielElements == null || referentielElements.isEmpty()) && (objectifsConjoints == null || objectifsConjoints.isEmpty());
    }

    public boolean contientElement(long id) {
        return referentielElements != null && referentielElements.contains(id);
    }

    public boolean contientObjectif(long id) {
        return objectifsConjoints != null && objectifsConjoints.contains(id);
    }
}
