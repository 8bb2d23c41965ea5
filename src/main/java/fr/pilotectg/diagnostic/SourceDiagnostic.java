package fr.pilotectg.diagnostic;

/** Where figures or findings come from: a statistical source, a survey, a workshop, a study, with its date. */
public record SourceDiagnostic(Long id, String cle, TypeSource type, String libelle, Integer annee, String date,
                               String emplacement) {
}
