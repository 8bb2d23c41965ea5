package fr.pilotectg.avenant;

import java.util.List;

/**
 * A draft avenant: its object, the version in force it was drafted against (409 if another avenant came into force
 * since), its typed changes; {@code confirmerChevauchement} accepts a draft that touches what another draft touches.
 */
public record SaisieAvenant(String objet, Integer versionBase, List<ChangementAvenant> changements, Boolean confirmerChevauchement) {
}
