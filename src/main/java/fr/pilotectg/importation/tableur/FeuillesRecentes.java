package fr.pilotectg.importation.tableur;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The last few sheets read, by SHA-256 of the file and the sheet wanted: the confirmation that follows a preview sends
 * the same file, and reading it again would give the same sheet (reading depends on the bytes only). The analysis,
 * which depends on the data at that moment (versions, rights), always runs again. Another instance simply reads the
 * file again.
 */
@Component
class FeuillesRecentes {

    private static final int NOMBRE = 4;
    /** A larger sheet is not kept: a few of them would weigh too much in memory. */
    private static final int CELLULES_MAX = 250_000;

    private final Map<String, FeuilleLue> recentes = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FeuilleLue> plusAncienne) {
            return size() > NOMBRE;
        }
    };

    FeuilleLue lire(byte[] contenu, String feuilleVoulue) {
        String cle = empreinte(contenu) + "/" + feuilleVoulue;
        synchronized (recentes) {
            FeuilleLue lue = recentes.get(cle);
            if (lue != null) {
                return lue;
            }
        }
        FeuilleLue lue = LecteurTableur.lire(contenu, feuilleVoulue);
        if (lue.lignes().stream().mapToLong(l -> l.cellules().size()).sum() <= CELLULES_MAX) {
            synchronized (recentes) {
                recentes.put(cle, lue);
            }
        }
        return lue;
    }

    private static String empreinte(byte[] contenu) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(contenu == null ? new byte[0] : contenu));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
