package fr.pilotectg.texte;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Limites;
import fr.pilotectg.shared.Saisie;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The text of a convention: read by whoever reads the convention, changed by its managers (the same rule as the
 * convention's general information), journalled, with optimistic locking on the text's own version. A convention
 * whose text was never written shows the national model (version 0).
 */
@Service
public class TexteService {

    /** Most sections a text may hold (a real convention has about twenty). */
    static final int SECTIONS_MAX = 200;

    private final TexteRepository repository;
    private final ConventionService conventions;
    private final Journal journal;

    TexteService(TexteRepository repository, ConventionService conventions, Journal journal) {
        this.repository = repository;
        this.conventions = conventions;
        this.journal = journal;
    }

    public TexteConvention texte(long conventionId) {
        Convention convention = conventions.convention(conventionId);
        return lire(convention);
    }

    /** The text of a convention the caller has already read (its reading right checked): the aggregate is not read again. */
    public TexteConvention texte(Convention convention) {
        return lire(convention);
    }

    @Transactional
    public TexteConvention modifier(long conventionId, Integer version, List<SaisieSection> saisies) {
        Convention convention = conventions.convention(conventionId);
        if (!conventions.peutModifier(convention)) {
            throw new AccesRefuse("Vous pouvez consulter le texte de cette convention mais pas le modifier.");
        }
        conventions.verifierHorsAvenant(convention);
        if (version == null) {
            throw new ErreurValidation("version", "Version manquante : renvoyez la version du texte que vous avez lue "
                    + "(0 tant que le texte est celui du modèle national).");
        }
        List<Section> sections = valider(saisies);
        TexteConvention avant = lire(convention);
        if (avant.version() != version || !repository.remplacer(conventionId, version, sections)) {
            throw new ConflitDeModification("Le texte de cette convention a été modifié par quelqu'un d'autre depuis que "
                    + "vous l'avez ouvert : vos modifications n'ont pas été enregistrées. Rechargez la page pour voir la "
                    + "version actuelle, puis refaites vos changements.");
        }
        TexteConvention apres = lire(convention);
        journal.enregistrer("texte", conventionId, conventionId, "modification du texte",
                Changement.entre(resume(avant), resume(apres)));
        return apres;
    }

    private TexteConvention lire(Convention convention) {
        long id = convention.id();
        boolean modifiable = conventions.peutModifier(convention);
        return repository.version(id)
                .map(v -> new TexteConvention(id, convention.titre(), v, false, numeroter(repository.sections(id)), modifiable))
                .orElseGet(() -> new TexteConvention(id, convention.titre(), 0, true, ModeleNational.sections(), modifiable));
    }

    static List<Section> numeroter(List<Section> sections) {
        List<Section> numerotees = new ArrayList<>();
        int numero = 1;
        for (Section s : sections) {
            numerotees.add(s.nature() == NatureSection.ARTICLE ? new Section(s.nature(), numero++, s.titre(), s.html()) : s);
        }
        return numerotees;
    }

    private static List<Section> valider(List<SaisieSection> saisies) {
        if (saisies == null) {
            throw new ErreurValidation("sections", "La liste des sections est obligatoire (elle peut être vide).");
        }
        if (saisies.size() > SECTIONS_MAX) {
            throw new ErreurValidation("sections", "Au plus " + SECTIONS_MAX + " sections (reçu : " + saisies.size() + ").");
        }
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < saisies.size(); i++) {
            SaisieSection saisie = saisies.get(i);
            String prefixe = "sections[" + i + "].";
            if (saisie == null) {
                erreurs.add(new ErreurValidation.Erreur("sections[" + i + "]", "Section " + (i + 1) + " vide."));
                continue;
            }
            NatureSection nature = null;
            try {
                nature = NatureSection.lire(saisie.nature(), prefixe + "nature");
            } catch (ErreurValidation e) {
                erreurs.addAll(e.erreurs());
            }
            String titre = saisie.titre() == null ? "" : saisie.titre().strip();
            if (titre.isEmpty()) {
                erreurs.add(new ErreurValidation.Erreur(prefixe + "titre", "Section " + (i + 1) + " : le titre est obligatoire."));
            } else {
                String probleme = Saisie.probleme(titre, Limites.TITRE);
                if (probleme != null || titre.contains("\n")) {
                    erreurs.add(new ErreurValidation.Erreur(prefixe + "titre", "Section " + (i + 1) + " : le titre "
                            + (probleme != null ? probleme : "tient sur une ligne.")));
                }
            }
            String probleme = Saisie.probleme(saisie.texte(), Limites.TEXTE);
            if (probleme != null) {
                erreurs.add(new ErreurValidation.Erreur(prefixe + "texte", "Section " + (i + 1) + " : le texte " + probleme));
            }
            String html = probleme == null ? TexteRiche.nettoyer(saisie.texte()) : "";
            if (html.length() > 2 * Limites.TEXTE) {
                erreurs.add(new ErreurValidation.Erreur(prefixe + "texte", "Section " + (i + 1) + " : le texte mis en forme "
                        + "dépasse " + 2 * Limites.TEXTE + " caractères : raccourcissez-le."));
            } else if (nature != null && !titre.isEmpty() && probleme == null) {
                sections.add(new Section(nature, null, titre, html));
            }
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        return sections;
    }

    private static Map<String, Object> resume(TexteConvention texte) {
        Map<String, Object> resume = new LinkedHashMap<>();
        resume.put("Sections", texte.sections().stream().map(Section::intitule).toList());
        for (Section s : texte.sections()) {
            String brut = TexteRiche.enTexte(s.html());
            resume.merge("Texte — " + s.intitule(), brut.length() > 500 ? brut.substring(0, 499) + "…" : brut, (a, b) -> a);
        }
        return resume;
    }
}
