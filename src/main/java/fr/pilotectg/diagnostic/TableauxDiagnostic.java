package fr.pilotectg.diagnostic;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import fr.pilotectg.convention.Convention;
import fr.pilotectg.convention.ConventionService;
import fr.pilotectg.shared.AccesRefuse;
import fr.pilotectg.shared.ConflitDeModification;
import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Introuvable;
import fr.pilotectg.shared.Limites;
import fr.pilotectg.shared.Saisie;
import fr.pilotectg.shared.audit.Changement;
import fr.pilotectg.shared.audit.Journal;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The EAJE, ALSH and financing tables, the AFOM, the enjeux, the sources and the indicator definitions of a diagnostic
 * edited where they are shown (issue 15 item 9): a row is added, changed or removed on its own, a change or a removal
 * names the version read and is refused (409) when someone saved the row meanwhile. Writers of the convention only; every write is journalled.
 */
@Service
public class TableauxDiagnostic {

    static final String CONFLIT = "Cette ligne a été modifiée ou supprimée par quelqu'un d'autre depuis que vous l'avez ouverte : "
            + "votre saisie n'a pas été enregistrée.";
    private static final Pattern NOMBRE = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern ESPACES = Pattern.compile("[\\s\\u00A0\\u202F]");

    /** The edit page of a table. */
    public record Page(long conventionId, String titreConvention, TableauDiagnostic tableau, List<LigneEditee> lignes) {
    }

    private final TableauxDiagnosticRepository repository;
    private final ConventionService conventions;
    private final Journal journal;
    private final ResumesDuDiagnostic resumes;

    TableauxDiagnostic(TableauxDiagnosticRepository repository, ConventionService conventions, Journal journal,
                       ResumesDuDiagnostic resumes) {
        this.repository = repository;
        this.resumes = resumes;
        this.conventions = conventions;
        this.journal = journal;
    }

    @Transactional(readOnly = true)
    public Page page(long conventionId, TableauDiagnostic tableau) {
        Convention convention = redacteur(conventionId);
        return new Page(conventionId, convention.titre(), tableau, repository.lignes(conventionId, tableau));
    }

    @Transactional(readOnly = true)
    public LigneEditee ligne(long conventionId, TableauDiagnostic tableau, long ligneId) {
        redacteur(conventionId);
        return trouver(conventionId, tableau, ligneId);
    }

    @Transactional
    public LigneEditee ajouter(long conventionId, TableauDiagnostic tableau, Map<String, String> saisie) {
        redacteur(conventionId);
        Map<String, Object> colonnes = lire(tableau, saisie, true);
        verrouillerResumes(conventionId, tableau);
        long id;
        try {
            id = repository.inserer(conventionId, tableau, colonnes);
        } catch (DuplicateKeyException e) {
            throw cleEnDouble(tableau, saisie);
        }
        if (tableau == TableauDiagnostic.INDICATEURS) {
            resumes.recalculer(conventionId, List.of(id));
        }
        LigneEditee apres = trouver(conventionId, tableau, id);
        journal.enregistrer("diagnostic", conventionId, conventionId, tableau.ligne() + " « " + apres.titre() + " » : ajout",
                changements(tableau, null, apres));
        return apres;
    }

    @Transactional
    public LigneEditee modifier(long conventionId, TableauDiagnostic tableau, long ligneId, Map<String, String> saisie, Integer version) {
        redacteur(conventionId);
        LigneEditee avant = trouver(conventionId, tableau, ligneId);
        Map<String, Object> colonnes = lire(tableau, saisie, false);
        verrouillerResumes(conventionId, tableau);
        if (!repository.modifier(conventionId, tableau, ligneId, colonnes, versionLue(version))) {
            throw new ConflitDeModification(CONFLIT);
        }
        if (tableau == TableauDiagnostic.INDICATEURS) {
            // Its unit or its terms may have changed what the diagnostic page flags (ADR 0048).
            resumes.recalculer(conventionId, List.of(ligneId));
        }
        LigneEditee apres = trouver(conventionId, tableau, ligneId);
        journal.enregistrer("diagnostic", conventionId, conventionId, tableau.ligne() + " « " + apres.titre() + " » : modification",
                changements(tableau, avant, apres));
        return apres;
    }

    @Transactional
    public LigneEditee supprimer(long conventionId, TableauDiagnostic tableau, long ligneId, Integer version) {
        redacteur(conventionId);
        LigneEditee avant = trouver(conventionId, tableau, ligneId);
        long valeurs = repository.valeursEmportees(tableau, ligneId);
        verrouillerResumes(conventionId, tableau);
        if (!repository.supprimer(conventionId, tableau, ligneId, versionLue(version))) {
            throw new ConflitDeModification(CONFLIT);
        }
        if (tableau == TableauDiagnostic.INDICATEURS) {
            // Its values go with it by cascade; the ratios built on it change.
            resumes.recalculerTout(conventionId);
        }
        List<Changement> changements = changements(tableau, avant, null);
        if (valeurs > 0) {
            changements.add(new Changement("Valeurs supprimées avec lui", String.valueOf(valeurs), null));
        }
        journal.enregistrer("diagnostic", conventionId, conventionId, tableau.ligne() + " « " + avant.titre() + " » : suppression",
                changements);
        return avant;
    }

    /** How many values of the diagnostic go with the row when it is removed (an indicator's, by cascade). */
    @Transactional(readOnly = true)
    public long valeursEmportees(long conventionId, TableauDiagnostic tableau, long ligneId) {
        redacteur(conventionId);
        trouver(conventionId, tableau, ligneId);
        return repository.valeursEmportees(tableau, ligneId);
    }

    /** An indicator's definition is read by the diagnostic page's summaries: its writes wait for the other writes of values. */
    private void verrouillerResumes(long conventionId, TableauDiagnostic tableau) {
        if (tableau == TableauDiagnostic.INDICATEURS) {
            resumes.verrouiller(conventionId);
        }
    }

    private LigneEditee trouver(long conventionId, TableauDiagnostic tableau, long ligneId) {
        return repository.ligne(conventionId, tableau, ligneId).orElseThrow(() -> new Introuvable("Pas de " + tableau.ligne()
                + " n° " + ligneId + " dans ce tableau du diagnostic (supprimé entre-temps ?)."));
    }

    private static int versionLue(Integer version) {
        if (version == null || version < 1) {
            throw new ErreurValidation("version", "La version lue est obligatoire (rechargez la page).");
        }
        return version;
    }

    /** Checks every field, all errors at once; the SQL columns and their values (a VALEUR field fills two columns). */
    static Map<String, Object> lire(TableauDiagnostic tableau, Map<String, String> saisie, boolean creation) {
        Map<String, Object> colonnes = new LinkedHashMap<>();
        List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
        for (ColonneDiagnostic c : tableau.colonnes()) {
            if (!creation && !c.modifiable()) {
                continue;
            }
            String brut = saisie.get(c.champ());
            String texte = brut == null || brut.isBlank() ? null : brut.strip();
            if (texte == null) {
                if (c.obligatoire()) {
                    erreurs.add(new ErreurValidation.Erreur(c.champ(), c.libelle() + " : obligatoire."));
                }
                colonnes.put(c.colonne(), null);
                if (c.estValeur()) {
                    colonnes.put(c.colonneMarqueur(), null);
                }
                continue;
            }
            try {
                lireChamp(c, texte, colonnes);
            } catch (IllegalArgumentException e) {
                erreurs.add(new ErreurValidation.Erreur(c.champ(), c.libelle() + " : " + e.getMessage()));
            }
        }
        if (!erreurs.isEmpty()) {
            throw new ErreurValidation(erreurs);
        }
        return colonnes;
    }

    private static void lireChamp(ColonneDiagnostic c, String texte, Map<String, Object> colonnes) {
        switch (c.genre()) {
            case TEXTE, TEXTE_LONG, CODE -> {
                String probleme = Saisie.probleme(texte, c.longueurMax());
                if (probleme != null) {
                    throw new IllegalArgumentException(probleme);
                }
                colonnes.put(c.colonne(), texte);
            }
            case CHOIX -> {
                String code = c.choix().keySet().stream().filter(k -> k.equalsIgnoreCase(texte) || c.choix().get(k).equalsIgnoreCase(texte))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException("« " + Saisie.tronquer(texte)
                                + " » n'est pas un choix possible (" + String.join(", ", c.choix().values()) + ")."));
                colonnes.put(c.colonne(), code);
            }
            case ANNEE -> {
                BigDecimal annee = nombre(texte, true, BigDecimal.valueOf(Limites.NOMBRE_MAX));
                if (annee.compareTo(BigDecimal.valueOf(Limites.ANNEE_MIN)) < 0 || annee.compareTo(BigDecimal.valueOf(Limites.ANNEE_MAX)) > 0) {
                    throw new IllegalArgumentException("« " + texte + " » : l'année est comprise entre " + Limites.ANNEE_MIN
                            + " et " + Limites.ANNEE_MAX + ".");
                }
                colonnes.put(c.colonne(), annee.intValue());
            }
            case ENTIER -> colonnes.put(c.colonne(), nombre(texte, true, BigDecimal.valueOf(Integer.MAX_VALUE)).intValue());
            case DECIMAL -> colonnes.put(c.colonne(), nombre(texte, false, c.max()));
            case VALEUR, VALEUR_ENTIERE -> {
                Optional<Marqueur> marqueur = Marqueur.depuis(texte);
                boolean entier = c.genre() == ColonneDiagnostic.Genre.VALEUR_ENTIERE;
                BigDecimal n = marqueur.isPresent() ? null
                        : nombre(texte, entier, entier ? c.max().min(BigDecimal.valueOf(Integer.MAX_VALUE)) : c.max());
                colonnes.put(c.colonne(), n == null ? null : entier ? (Object) n.intValue() : n);
                colonnes.put(c.colonneMarqueur(), marqueur.map(Marqueur::code).orElse(null));
            }
        }
    }

    /** A number ≥ 0 and ≤ max, decimal comma and spaces between thousands accepted. */
    private static BigDecimal nombre(String texte, boolean entier, BigDecimal max) {
        String chiffres = ESPACES.matcher(texte).replaceAll("").replace(',', '.');
        if (!NOMBRE.matcher(chiffres).matches() || chiffres.length() > 40) {
            throw new IllegalArgumentException("« " + Saisie.tronquer(texte) + " » n'est pas un nombre"
                    + (entier ? " entier." : " (virgule décimale acceptée)."));
        }
        BigDecimal nombre = new BigDecimal(chiffres);
        if (nombre.signum() < 0) {
            throw new IllegalArgumentException("« " + texte + " » : un nombre négatif n'est pas accepté.");
        }
        if (entier && Valeur.normaliser(nombre).scale() > 0) {
            throw new IllegalArgumentException("« " + texte + " » n'est pas un nombre entier.");
        }
        if (nombre.compareTo(max) > 0) {
            throw new IllegalArgumentException("« " + texte + " » dépasse la plus grande valeur acceptée ("
                    + fr.pilotectg.shared.FormatFr.nombre(max) + ").");
        }
        return nombre;
    }

    /** The only unique field of a table is its key fixed once created (a source's key, an indicator's code). */
    private static ErreurValidation cleEnDouble(TableauDiagnostic tableau, Map<String, String> saisie) {
        ColonneDiagnostic cle = tableau.colonnes().stream().filter(c -> !c.modifiable()).findFirst().orElseThrow();
        String nom = cle.champ().equals("code") ? "le code" : "la clé";
        return new ErreurValidation(cle.champ(), cle.libelle() + " : une autre ligne de ce tableau porte déjà " + nom + " « "
                + Saisie.tronquer(Objects.requireNonNullElse(saisie.get(cle.champ()), "").strip()) + " ».");
    }

    private static List<Changement> changements(TableauDiagnostic tableau, LigneEditee avant, LigneEditee apres) {
        List<Changement> changements = new ArrayList<>();
        for (ColonneDiagnostic c : tableau.colonnes()) {
            String a = avant == null ? "" : avant.valeurs().get(c.champ());
            String b = apres == null ? "" : apres.valeurs().get(c.champ());
            if (!a.equals(b)) {
                changements.add(new Changement(c.libelle(), a.isEmpty() ? null : a, b.isEmpty() ? null : b));
            }
        }
        return changements;
    }

    private Convention redacteur(long conventionId) {
        Convention convention = conventions.convention(conventionId);
        if (!conventions.peutModifier(convention)) {
            throw new AccesRefuse("Vous pouvez consulter le diagnostic de cette convention mais pas le modifier.");
        }
        return convention;
    }
}
