package fr.pilotectg.documents;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import fr.pilotectg.shared.ErreurValidation;

/** The annexes the convention document may carry, in the national model's order. */
public enum AnnexeConvention {
    DIAGNOSTIC("diagnostic"),
    SERVICES("services"),
    PLAN("plan"),
    PROGRAMME("programme"),
    GOUVERNANCE("gouvernance"),
    EVALUATION("evaluation"),
    DELIBERATIONS("deliberations");

    private final String code;

    AnnexeConvention(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** "diagnostic,plan" → those annexes; null or blank → all of them; an unknown code → 400 naming the field. */
    public static Set<AnnexeConvention> lire(String valeur) {
        if (valeur == null || valeur.isBlank()) {
            return EnumSet.allOf(AnnexeConvention.class);
        }
        Set<AnnexeConvention> annexes = EnumSet.noneOf(AnnexeConvention.class);
        for (String code : valeur.split(",")) {
            String nettoye = code.strip();
            if (nettoye.isEmpty()) {
                continue;
            }
            annexes.add(Arrays.stream(values()).filter(a -> a.code.equalsIgnoreCase(nettoye)).findFirst()
                    .orElseThrow(() -> new ErreurValidation("annexes", "Annexe inconnue : « " + (nettoye.length() > 40 ? nettoye.substring(0, 40) + "…" : nettoye)
                            + " ». Annexes possibles : " + Arrays.stream(values()).map(AnnexeConvention::code).collect(Collectors.joining(", ")) + ".")));
        }
        return annexes;
    }
}
