package fr.pilotectg.evaluation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A row of a whole-year entry page: the line as it is, what the user typed ({@code saisie}), the fingerprint of
 * the values the row was opened with (a row is « changed » when what comes back differs from it), the errors by
 * field, and, after a conflict, the line as someone else saved it ({@code actuelle}) while the user's text is kept.
 */
public record LigneSaisie(LigneEvaluation ligne, SaisieLigne saisie, String empreinte, Map<String, String> erreurs,
                          LigneEvaluation actuelle, String message) {

    static LigneSaisie de(LigneEvaluation ligne) {
        SaisieLigne saisie = new SaisieLigne(ligne.statut().name(), ligne.datePrevue() == null ? null : ligne.datePrevue().toString(),
                ligne.resultats(), ligne.perspectives(), ligne.impacts(), ligne.version());
        return new LigneSaisie(ligne, saisie, empreinte(saisie), Map.of(), null, null);
    }

    public boolean enConflit() {
        return actuelle != null;
    }

    public String erreur(String champ) {
        return erreurs.get(champ);
    }

    public boolean aErreur(String champ) {
        return erreurs.containsKey(champ);
    }

    /** The fingerprint of a row's values (line ends and surrounding blanks do not count: browsers send CR LF). */
    static String empreinte(SaisieLigne s) {
        return empreinte(s.statut(), s.datePrevue(), s.resultats(), s.perspectives(), s.impacts());
    }

    static String empreinte(String... valeurs) {
        StringBuilder texte = new StringBuilder();
        Stream.of(valeurs).forEach(v -> texte.append(v == null ? "" : v.replace("\r\n", "\n").strip()).append('\u0000'));
        try {
            byte[] hache = MessageDigest.getInstance("SHA-256").digest(texte.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hache, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
