package fr.pilotectg.convention;

public record NouveauRepresentant(String civilite, String prenom, String nom, String fonction) implements java.io.Serializable {
}
