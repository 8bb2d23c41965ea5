package fr.pilotectg.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;

import fr.pilotectg.suivi.TableauSuivi;
import org.springframework.stereotype.Component;

/**
 * The plan and follow-up tables exactly as the exports write them, for the spreadsheet import that reads them back
 * and compares each row sent with the row the product would export now (issue 17 item 4, ADR 0036).
 */
@Component
public class TableursExportes {

    /** Header of the technical column holding the version of a row when exported. */
    public static final String VERSION = TableurPlan.VERSION;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final TableurPlan plan;

    TableursExportes(TableurPlan plan) {
        this.plan = plan;
    }

    /** The plan table of a convention (one sheet « Plan d'actions »). */
    public TableurClasseur plan(long conventionId) {
        return plan.classeur(conventionId);
    }

    /** The sheet « Suivi » of the follow-up export of this table (the history sheet is not read back). */
    public TableurFeuille suivi(TableauSuivi tableau) {
        return TableurSuivi.feuille(tableau);
    }

    /** A cell of an exported table as the CSV writes it, unquoted: dates dd/mm/yyyy, months mm/yyyy, decimal comma. */
    public static String texte(Object valeur) {
        if (valeur == null) {
            return "";
        }
        if (valeur instanceof LocalDate date) {
            return DATE.format(date);
        }
        if (valeur instanceof YearMonth mois) {
            return String.format("%02d/%d", mois.getMonthValue(), mois.getYear());
        }
        if (valeur instanceof TableurMontant montant) {
            return montant.euros().toPlainString().replace('.', ',');
        }
        if (valeur instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString().replace('.', ',');
        }
        if (valeur instanceof Integer || valeur instanceof Long) {
            return valeur.toString();
        }
        if (valeur instanceof Number nombre) {
            return BigDecimal.valueOf(nombre.doubleValue()).stripTrailingZeros().toPlainString().replace('.', ',');
        }
        return valeur.toString();
    }
}
