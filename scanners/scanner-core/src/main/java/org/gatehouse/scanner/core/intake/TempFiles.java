package org.gatehouse.scanner.core.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Randomly named temp files readable by the owner only (where the file system is POSIX). */
final class TempFiles {
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private TempFiles() {
    }

    static Path create(Path directory, String prefix) throws IOException {
        if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(directory, prefix, ".tmp", OWNER_ONLY);
        }
        return Files.createTempFile(directory, prefix, ".tmp");
    }

    /** Deletes a file on a failure path; a failure to delete is added to the original failure. */
    static void delete(Path file, Throwable failure) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
