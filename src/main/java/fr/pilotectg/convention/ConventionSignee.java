package fr.pilotectg.convention;

/** Published in the transaction that moves a convention to « Signée » (the avenant feature snapshots version 1). */
public record ConventionSignee(long conventionId) {
}
