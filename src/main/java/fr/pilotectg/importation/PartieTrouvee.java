package fr.pilotectg.importation;

import java.util.List;

/** A part of a draft (the convention and its text, the plan, the annexes): what the review must look at in it. */
public interface PartieTrouvee {

    List<Alerte> alertes();
}
