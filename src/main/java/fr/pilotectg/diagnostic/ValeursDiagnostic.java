package fr.pilotectg.diagnostic;

import java.util.List;
import java.util.Optional;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.diagnostic.ValeursDiagnosticRepository.ValeurEnregistree;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Introuvable;
import fr.pilotectg.shared.Limites;
import fr.pilotectg.shared.Saisie;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A diagnostic indicator's values edited where they are shown (issue 15 item 9): one value at a time, with the version
 * read; a value saved meanwhile by someone else (page, API or CSV import) is a 409 and the first edit is kept.
 * Writers of the convention only; journalled.
 */
@Service
public class ValeursDiagnostic {

    static final String CONFLIT = "Cette valeur a été modifiée par quelqu'un d'autre depuis que vous l'avez ouverte : "
            + "votre saisie n'a pas été enregistrée. Voici la valeur actuelle ; enregistrez de nouveau pour la remplacer.";

    /** The page of an indicator's values. */
    public record Page(long conventionId, String titreConvention, Indicateur indicateur, List<ValeurEnregistree> valeurs) {
    }

    private final ValeursDiagnosticRepository repository;
    private final ConventionService conventions;
    private final Journal journal;
    private final ResumesDuDiagnostic resumes;

    ValeursDiagnostic(ValeursDiagnosticRepository repository, ConventionService conventions, Journal journal, ResumesDuDiagnostic resumes) {
        this.repository = repository;
        this.resumes = resumes;
        this.conventions = conventions;
        this.journal = journal;
    }

    public Page page(long conventionId, long indicateurId) {
        Convention convention = redacteur(conventionId);
        Indicateur indicateur = repository.indicateur(conventionId, indicateurId)
                .orElseThrow(() -> new Introuvable("Pas d'indicateur " + indicateurId + " dans le diagnostic de cette convention."));
        return new Page(conventionId, convention.titre(), indicateur, repository.valeurs(indicateurId));
    }

    @Transactional
    public ValeurEnregistree modifier(long conventionId, long indicateurId, long territoireId, String periode, String source,
                                      String texte, String note, Integer version) {
        Page page = page(conventionId, indicateurId);
        String p = periode == null ? "" : periode;
        String s = source == null ? "" : source;
        ValeurEnregistree avant = repository.valeur(indicateurId, territoireId, p, s)
                .orElseThrow(() -> new Introuvable("Cette valeur n'existe pas (ou plus) pour « " + page.indicateur().libelle() + " »."));
        List<ErreurValidation.Erreur> erreurs = new java.util.ArrayList<>();
        Valeur valeur = null;
        if (texte == null || texte.isBlank()) {
            erreurs.add(new ErreurValidation.Erreur("valeur", "Valeur : obligatoire (un nombre, un intervalle « 12 à 14 » ou un marqueur "
                    + "<5, NS, ND)."));
        } else {
            try {
                Optional<Valeur> lue = Valeur.lire(texte);
                if (lue.isEmpty()) {
                    erreurs.add(new ErreurValidation.Erreur("valeur", "Valeur : « " + Saisie.tronquer(texte.strip()) + " » n'est ni un nombre, "
                            + "ni un intervalle « 12 à 14 », ni un marqueur <5, NS, ND."));
                }
                valeur = lue.orElse(null);
            } catch (IllegalArgumentException e) {
                erreurs.add(new ErreurValidation.Erreur("valeur", "Valeur : " + e.getMessage()));
            }
        }
        String notePropre = note == null || note.isBlank() ? null : note.strip();
        String probleme = notePropre == null ? null : Saisie.probleme(notePropre, Limites.TEXTE);
        if (probleme != null) {
            erreurs.add(new ErreurValidation.Erreur("note", "Note : " + probleme));
        }
        if (version == null || version < 1) {
            erreurs.add(new ErreurValidation.Erreur("version", "La version lue est obligatoire."));
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        resumes.verrouiller(conventionId);
        if (!repository.modifier(indicateurId, territoireId, p, s, valeur, notePropre, version)) {
            throw new ConflitDeModification(CONFLIT);
        }
        resumes.recalculer(conventionId, List.of(indicateurId));
        journal.enregistrer("diagnostic", conventionId, conventionId, "valeur de « " + page.indicateur().libelle() + " » ("
                        + avant.territoire() + (p.isEmpty() ? "" : ", " + p) + ")",
                List.of(new Changement("Valeur", avant.valeur().texte(), valeur.texte()), new Changement("Note", avant.note(), notePropre)));
        return repository.valeur(indicateurId, territoireId, p, s).orElseThrow();
    }

    private Convention redacteur(long conventionId) {
        Convention convention = conventions.convention(conventionId);
        if (!conventions.peutModifier(convention)) {
            throw new AccesRefuse("Vous pouvez consulter le diagnostic de cette convention mais pas le modifier.");
        }
        return convention;
    }
}
