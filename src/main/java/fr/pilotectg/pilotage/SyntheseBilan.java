package fr.pilotectg.pilotage;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** The written synthesis of a bilan (four sections); version 0 and no author while never saved. */
public record SyntheseBilan(String realisations, String changementsHabitants, String partenariatGouvernance,
                            String recommandations, int version, String modifieePar, OffsetDateTime modifieeLe)
        implements java.io.Serializable {

    static final int LONGUEUR_MAX = 20_000;

    public static final SyntheseBilan VIDE = new SyntheseBilan(null, null, null, null, 0, null, null);

    /** The sections by label, as the journal records them. */
    public Map<String, String> sections() {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("Réalisations", realisations);
        sections.put("Changements pour les habitants du territoire", changementsHabitants);
        sections.put("Fonctionnement du partenariat et de la gouvernance", partenariatGouvernance);
        sections.put("Recommandations pour la CTG suivante", recommandations);
        return sections;
    }
}
