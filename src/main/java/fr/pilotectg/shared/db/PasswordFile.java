package fr.pilotectg.shared.db;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The password of the {@code postgres} account of the embedded database: generated once, kept in the data
 * directory, readable by its owner only (mode 600 where the file system has POSIX permissions).
 */
final class PasswordFile {

    static final String NAME = "pilote-motdepasse";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordFile() {
    }

    /** 32 random bytes in URL-safe Base64: no quote or backslash, so it can be written in SQL and in files as is. */
    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static Path in(Path dataDirectory) {
        return dataDirectory.resolve(NAME);
    }

    static String read(Path file) throws IOException {
        restrictToOwner(file);
        return Files.readString(file).strip();
    }

    /** Creates a new file (never overwrites one) that only its owner can read, holding the password. */
    static Path create(Path file, String password) throws IOException {
        Path created = Files.createFile(file, ownerOnly());
        Files.writeString(created, password + "\n");
        return created;
    }

    static Path createTemporary(Path directory, String password) throws IOException {
        Files.createDirectories(directory);
        Path file = Files.createTempFile(directory, ".initdb-", ".tmp", ownerOnly());
        Files.writeString(file, password + "\n");
        return file;
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
