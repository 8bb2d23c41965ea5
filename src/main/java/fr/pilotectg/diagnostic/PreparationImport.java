package fr.pilotectg.diagnostic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.pilotectg.shared.ErreurValidation;
import fr.pilotectg.shared.Textes;

/**
 * The values of a CSV file checked line by line before anything is written: known indicator, territory
 * resolved, number or known marker, unit of the indicator, no key twice. Every error names its line and column.
 */
final class PreparationImport {

    /** Errors beyond this count are summed up, not listed. */
    static final int ERREURS_DETAILLEES = 100;

    /** A checked value; its territory may be new to the diagnostic (id null until written). */
    record ValeurPreparee(int ligne, Indicateur indicateur, TerritoireDiagnostic territoire, String periode, String source,
                          Valeur valeur, String note) {
    }

    private final List<ValeurPreparee> valeurs = new ArrayList<>();
    private final List<ErreurValidation.Erreur> erreurs = new ArrayList<>();
    private int nombreErreurs;
    private final FichierCsv fichier;
    private final ResolveurTerritoires territoires;

    private PreparationImport(FichierCsv fichier, ResolveurTerritoires territoires) {
        this.fichier = fichier;
        this.territoires = territoires;
    }

    static PreparationImport de(String texte, List<Indicateur> indicateurs, ResolveurTerritoires territoires) {
        List<ErreurValidation.Erreur> erreursDeForme = new ArrayList<>();
        return de(FichierCsv.lire(texte, erreursDeForme), erreursDeForme, indicateurs, territoires);
    }

    static PreparationImport de(FichierCsv fichier, List<ErreurValidation.Erreur> erreursDeForme, List<Indicateur> indicateurs,
                                ResolveurTerritoires territoires) {
        PreparationImport preparation = new PreparationImport(fichier, territoires);
        erreursDeForme.forEach(preparation::signaler);
        preparation.verifier(indicateurs);
        return preparation;
    }

    private void verifier(List<Indicateur> indicateurs) {
        Map<String, Indicateur> parCode = new HashMap<>();
        indicateurs.forEach(i -> parCode.put(i.code().toUpperCase(), i));
        Map<String, Integer> cles = new HashMap<>();
        for (FichierCsv.Ligne ligne : fichier.lignes()) {
            int avant = nombreErreurs;
            Indicateur indicateur = parCode.get(ligne.champ("indicateur").toUpperCase());
            if (ligne.champ("indicateur").isEmpty()) {
                signaler(ligne, "indicateur", "code d'indicateur manquant.");
            } else if (indicateur == null) {
                signaler(ligne, "indicateur", "indicateur inconnu « " + ligne.champ("indicateur")
                        + " » : définissez-le d'abord dans le diagnostic de la convention (code, libellé, unité, thématique).");
            }
            ResolveurTerritoires.Resolution territoire = territoires.resoudre(ligne.champ("territoire"));
            if (territoire.erreur() != null) {
                signaler(ligne, "territoire", territoire.erreur());
            }
            Optional<Valeur> valeur;
            String texteValeur = ligne.champ("valeur");
            if (texteValeur.strip().endsWith("%")) {
                // "250 %": the unit printed with the figure, accepted for an indicator in %.
                texteValeur = texteValeur.strip().substring(0, texteValeur.strip().length() - 1);
                if (indicateur != null && (indicateur.unite() == null || !indicateur.unite().strip().startsWith("%"))) {
                    signaler(ligne, "valeur", "« " + ligne.champ("valeur") + " » est un pourcentage, mais l'indicateur "
                            + indicateur.code() + " s'exprime en « " + indicateur.unite() + " ».");
                    continue;
                }
            }
            try {
                valeur = Valeur.lire(texteValeur);
            } catch (IllegalArgumentException e) {
                signaler(ligne, "valeur", e.getMessage());
                continue;
            }
            if (ligne.champ("valeur").isEmpty()) {
                signaler(ligne, "valeur", "valeur manquante : un nombre, ou un marqueur (" + Marqueur.codesConnus() + ").");
            } else if (valeur.isEmpty()) {
                signaler(ligne, "valeur", "« " + ligne.champ("valeur") + " » n'est ni un nombre ni un marqueur connu ("
                        + Marqueur.codesConnus() + ").");
            }
            String unite = ligne.champ("unite");
            if (indicateur != null && !unite.isEmpty() && !Textes.plier(unite).equals(Textes.plier(indicateur.unite()))) {
                signaler(ligne, "unite", "unité « " + unite + " » différente de celle de l'indicateur " + indicateur.code()
                        + " (« " + indicateur.unite() + " »).");
            }
            if (nombreErreurs > avant) {
                continue;
            }
            String cle = indicateur.code() + "|" + territoire.territoire().cle() + "|" + ligne.champ("periode") + "|" + ligne.champ("source");
            Integer premiere = cles.putIfAbsent(cle, ligne.numero());
            if (premiere != null) {
                signaler(ligne, "territoire", "même indicateur, territoire, période et source qu'à la "
                        + FichierCsv.localisation(premiere, null) + ".");
                continue;
            }
            valeurs.add(new ValeurPreparee(ligne.numero(), indicateur, territoire.territoire(), ligne.champ("periode"),
                    ligne.champ("source"), valeur.get(), ligne.champ("note").isEmpty() ? null : ligne.champ("note")));
        }
    }

    private void signaler(FichierCsv.Ligne ligne, String colonne, String message) {
        String ou = FichierCsv.localisation(ligne.numero(), colonne);
        signaler(new ErreurValidation.Erreur(ou, ou + " : " + message));
    }

    private void signaler(ErreurValidation.Erreur erreur) {
        nombreErreurs++;
        if (erreurs.size() < ERREURS_DETAILLEES) {
            erreurs.add(erreur);
        }
    }

    List<ValeurPreparee> valeurs() {
        return valeurs;
    }

    List<ErreurValidation.Erreur> erreurs() {
        return erreurs;
    }

    int nombreErreurs() {
        return nombreErreurs;
    }

    int nombreDeLignes() {
        return fichier.nombreDeLignes();
    }

    FichierCsv fichier() {
        return fichier;
    }

    /** "Belsentes (commune)", with the note when the file named it by a former commune's name. */
    String libelle(TerritoireDiagnostic territoire) {
        String note = territoires.note(territoire);
        return territoire.nom() + " (" + territoire.type().libelle() + ")" + (note == null ? "" : " — " + note);
    }

    List<TerritoireDiagnostic> nouveauxTerritoires() {
        return territoires.nouveaux();
    }

    /** All or nothing: the errors as one refusal, the first ones listed. */
    ErreurValidation refus() {
        List<ErreurValidation.Erreur> liste = new ArrayList<>(erreurs);
        if (nombreErreurs > erreurs.size()) {
            liste.add(new ErreurValidation.Erreur("fichier", "… et " + (nombreErreurs - erreurs.size()) + " autres erreurs."));
        }
        liste.add(0, new ErreurValidation.Erreur("fichier", "Aucune valeur n'a été importée : le fichier contient "
                + nombreErreurs + (nombreErreurs > 1 ? " erreurs" : " erreur") + ". Corrigez-les puis déposez-le à nouveau."));
        return new ErreurValidation(liste);
    }
}
