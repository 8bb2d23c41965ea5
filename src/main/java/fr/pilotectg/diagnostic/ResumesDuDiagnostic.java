package fr.pilotectg.diagnostic;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the diagnostic page reads of the values, kept at write time (ADR 0048): per indicator its summary and the values
 * the page shows or flags. Every write of values calls {@link #verrouiller} before writing and {@link #recalculer} after,
 * in its transaction; the indicators touched are recomputed from all their values, with the ratios built on them.
 */
@Component
class ResumesDuDiagnostic {

    private final DiagnosticRepository repository;

    ResumesDuDiagnostic(DiagnosticRepository repository) {
        this.repository = repository;
    }

    /** Waits for the other writes of the convention's values to commit (see {@link DiagnosticRepository#verrouillerResumes}). */
    void verrouiller(long conventionId) {
        repository.verrouillerResumes(conventionId);
    }

    /**
     * Recomputes the indicators touched by a write and the ratios whose numerator or denominator is one of them (their
     * écarts depend on it), in the caller's transaction. Indicators that are not the convention's are ignored.
     */
    @Transactional
    public void recalculer(long conventionId, Collection<Long> touches) {
        if (touches.isEmpty()) {
            return;
        }
        verrouiller(conventionId);
        List<Indicateur> indicateurs = repository.indicateurs(conventionId);
        Set<String> codes = new HashSet<>();
        indicateurs.stream().filter(i -> touches.contains(i.id())).forEach(i -> codes.add(i.code()));
        recalculer(conventionId, indicateurs, indicateurs.stream()
                .filter(i -> codes.contains(i.code()) || i.estRatio() && (codes.contains(i.numerateur()) || codes.contains(i.denominateur())))
                .toList());
    }

    /** Recomputes every indicator of the convention (a territory removed, a summary never computed). */
    @Transactional
    public void recalculerTout(long conventionId) {
        verrouiller(conventionId);
        List<Indicateur> indicateurs = repository.indicateurs(conventionId);
        recalculer(conventionId, indicateurs, indicateurs);
    }

    /**
     * Computes a diagnostic read before any write computed it (values written before V111 or by SQL outside the
     * application), in a transaction of its own: the page that needs it only reads.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void calculerAvantLecture(long conventionId) {
        recalculerTout(conventionId);
    }

    private void recalculer(long conventionId, List<Indicateur> tous, List<Indicateur> choisis) {
        if (choisis.isEmpty()) {
            return;
        }
        List<Long> ids = new ArrayList<>();
        List<Long> comparees = new ArrayList<>();
        List<Long> pourcent = new ArrayList<>();
        List<Long> pourmille = new ArrayList<>();
        List<Long> termes = new ArrayList<>();
        List<Long> centuples = new ArrayList<>();
        for (Indicateur i : choisis) {
            ids.add(i.id());
            if (Plausibilite.compareAuxAutres(i)) {
                comparees.add(i.id());
            }
            BigDecimal borne = Plausibilite.borne(i);
            if (borne != null) {
                (borne.intValue() == 100 ? pourcent : pourmille).add(i.id());
            }
            if (i.estRatio()) {
                Stream.of(i.numerateur(), i.denominateur())
                        .map(code -> tous.stream().filter(t -> t.code().equals(code)).findFirst().orElse(null))
                        .filter(Objects::nonNull).forEach(t -> termes.add(t.id()));
                if (i.facteur().intValue() == 100) {
                    centuples.add(i.id());
                }
            }
        }
        repository.recalculer(new DiagnosticRepository.Selection(conventionId, ids, comparees, pourcent, pourmille, termes, centuples),
                IndicateurAvecValeurs.AFFICHEES_MAX);
    }
}
