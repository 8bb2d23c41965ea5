package fr.pilotectg.shared;

/**
 * The version a write must carry (optimistic locking). A write without it is refused as bad input ("version
 * manquante"), never answered as if someone else had changed the object.
 */
public final class Versions {

    public static final String MANQUANTE = "version manquante : indiquez la version lue (champ « version »), "
            + "pour que personne n'écrase sans le savoir une modification faite entre-temps.";

    private Versions() {
    }

    /** The version given, or a 400 naming the field "version". */
    public static int exiger(Integer version) {
        if (version == null) {
            throw new ErreurValidation("version", MANQUANTE);
        }
        return version;
    }
}
