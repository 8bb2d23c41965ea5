package fr.pilotectg.diagnostic;

/** The table a printed figure belongs to. */
public enum TableauImprime {
    /** cle: places or enfantsInscrits. */
    EAJE,
    /** cle: a {@link CategorieAlsh}. */
    ALSH,
    /** cle: the total's label; composantes: the categories of rows it adds up. */
    FINANCEMENT,
    /** cle: a sector or a total of the financing table; the printed evolution in %. */
    EVOLUTION
}
