package fr.pilotectg.diagnostic;

import java.math.BigDecimal;

import org.springframework.stereotype.Component;

/** French formatting of the diagnostic's figures for its templates: {@code ${@diag.nombre(x)}}. */
@Component("diag")
class FormatDiagnostic {

    /** "1 234,5"; empty for null. */
    public String nombre(BigDecimal nombre) {
        return Valeur.formater(nombre);
    }

    public String entier(Integer nombre) {
        return nombre == null ? "" : Valeur.formater(BigDecimal.valueOf(nombre));
    }

    /** "45 %", "40 438 habitants", or the marker as printed ("&lt;5"); "—" when there is none. */
    public String valeur(Valeur valeur, String unite) {
        if (valeur == null) {
            return "—";
        }
        return valeur.estNombre() ? Total.avecUnite(valeur.texte(), unite) : valeur.texte();
    }
}
