package fr.pilotectg.plan;

import java.util.List;

import fr.pilotectg.convention.Convention;

/** The plan page: the convention, its tree (filtered), the total number of fiches, rights and the period's years. */
public record VuePlan(Convention convention, ArbrePlan arbre, int total, boolean modifiable, List<Integer> annees) {
}
