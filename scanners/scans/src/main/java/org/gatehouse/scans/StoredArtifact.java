package org.gatehouse.scans;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/**
 * A build artifact received for a white-box scan (7.8.3-dr/ds): a {@code .jar}, {@code .war},
 * {@code .ear} or {@code .zip} that really is a zip, spooled to an owner-only file with its SHA-256,
 * never unpacked here (SpotBugs reads it in the worker JVM, whose heap and time are bounded).
 */
public record StoredArtifact(Path path, String name, long bytes, String sha256) implements AutoCloseable {
    private static final Set<String> EXTENSIONS = Set.of("jar", "war", "ear", "zip");

    /**
     * @throws Refused when the name or content is not an archive of classes, or it is too large
     */
    public static StoredArtifact receive(InputStream body, String fileName, long maxBytes, Path workDir)
            throws IOException {
        String name = sanitise(fileName);
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || !EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
            throw new Refused(ProblemType.UNSUPPORTED_MEDIA_TYPE, "artifact.type", name);
        }
        Path file = Files.createTempFile(workDir, "artifact-", "." + name.substring(dot + 1).toLowerCase(Locale.ROOT));
        try {
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the work directory's own permissions apply
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long total = 0;
            byte[] head = new byte[4];
            try (InputStream in = new DigestInputStream(body, sha); OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0;) {
                    if (total < 4) {
                        System.arraycopy(buffer, 0, head, (int) total, (int) Math.min(n, 4 - total));
                    }
                    total += n;
                    if (total > maxBytes) {
                        throw new Refused(ProblemType.PAYLOAD_TOO_LARGE, "artifact.too-large", maxBytes / (1024 * 1024));
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (total < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
                throw new Refused(ProblemType.UNSUPPORTED_MEDIA_TYPE, "artifact.not-zip", name);
            }
            return new StoredArtifact(file, name, total, HexFormat.of().formatHex(sha.digest()));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        } catch (NoSuchAlgorithmException e) {
            Files.deleteIfExists(file);
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String sanitise(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\\p{Cf}]", "").strip();
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    /** Deletes the file. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a temp file left behind is cleaned with the work directory
        }
    }

    /** The upload is not an artifact Gatehouse scans. */
    public static final class Refused extends DomainException {
        private static final long serialVersionUID = 1L;

        Refused(ProblemType type, String key, Object... arguments) {
            super(type, key, arguments);
        }
    }
}
