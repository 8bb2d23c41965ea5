package fr.pilotectg.convention;

import org.springframework.data.relational.core.mapping.Table;

/** One "Vu ..." legal reference; their order is the document's. */
@Table("convention_visa")
public record Visa(String texte) {
}
