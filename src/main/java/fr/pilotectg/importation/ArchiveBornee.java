package fr.pilotectg.importation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A ZIP read in memory with bounds: at most {@link LimitesDImport#ENTREES_MAX} entries and
 * {@link LimitesDImport#DECOMPRESSE_MAX} decompressed bytes counted as they are inflated (not as declared), so that a
 * ZIP bomb is refused after reading at most that much.
 */
final class ArchiveBornee {

    private ArchiveBornee() {
    }

    static boolean estUnZip(byte[] contenu) {
        return contenu.length >= 4 && contenu[0] == 'P' && contenu[1] == 'K' && contenu[2] == 3 && contenu[3] == 4;
    }

    /** The entries (name → bytes) of a ZIP, directories left out; a French 400 for a bomb or a broken ZIP. */
    static Map<String, byte[]> lire(byte[] contenu) {
        Map<String, byte[]> entrees = new LinkedHashMap<>();
        long total = 0;
        int nombre = 0;
        byte[] tampon = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(contenu))) {
            ZipEntry entree;
            while ((entree = zip.getNextEntry()) != null) {
                if (++nombre > LimitesDImport.ENTREES_MAX) {
                    throw ImportRefuse.parce("L'archive contient plus de " + LimitesDImport.ENTREES_MAX + " fichiers : elle n'est pas acceptée.");
                }
                ByteArrayOutputStream sortie = new ByteArrayOutputStream();
                int lus;
                while ((lus = lireBloc(zip, tampon)) > 0) {
                    total += lus;
                    if (total > LimitesDImport.DECOMPRESSE_MAX) {
                        throw ImportRefuse.parce("L'archive se décompresse en plus de " + LimitesDImport.DECOMPRESSE_MAX / (1024 * 1024)
                                + " Mo (bombe de décompression ?) : elle n'est pas acceptée.");
                    }
                    sortie.write(tampon, 0, lus);
                }
                if (!entree.isDirectory()) {
                    entrees.put(entree.getName(), sortie.toByteArray());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw ImportRefuse.parce("Le fichier est une archive ZIP abîmée ou tronquée : il ne peut pas être lu.");
        }
        if (entrees.isEmpty()) {
            throw ImportRefuse.parce("L'archive est vide ou illisible.");
        }
        return entrees;
    }

    private static int lireBloc(InputStream flux, byte[] tampon) throws IOException {
        return flux.read(tampon, 0, tampon.length);
    }
}
