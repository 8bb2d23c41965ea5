package fr.pilotectg.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A ZIP archive of one file, for the bulk import uploads of the shared sweeps. */
public final class FichiersZip {

    private FichiersZip() {
    }

    public static byte[] un(String nom, byte[] contenu) {
        try (ByteArrayOutputStream octets = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(octets)) {
            zip.putNextEntry(new ZipEntry(nom));
            zip.write(contenu);
            zip.closeEntry();
            zip.finish();
            return octets.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
