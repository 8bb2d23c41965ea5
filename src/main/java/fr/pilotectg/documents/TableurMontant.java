package fr.pilotectg.documents;

import java.math.BigDecimal;

/** An amount of money in cents: a number cell formatted "# ##0,00 €" in the XLSX, "1234,50" in the CSV. */
record TableurMontant(long centimes) {

    BigDecimal euros() {
        return BigDecimal.valueOf(centimes, 2);
    }
}
