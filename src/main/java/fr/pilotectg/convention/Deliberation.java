package fr.pilotectg.convention;

import java.time.LocalDate;

import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A deciding body's vote on the convention. Drafts often print "xx 2025": the date is then unknown
 * and the text is kept as written.
 */
@Table("convention_deliberation")
public record Deliberation(long organisationId, String instance,
                           @Column("date_deliberation") LocalDate date, String dateTexte, String reference) {

    public boolean sansDate() {
        return date == null;
    }
}
