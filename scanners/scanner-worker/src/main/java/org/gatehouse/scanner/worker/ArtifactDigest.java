package org.gatehouse.scanner.worker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SHA-256 of a scanned artifact, recorded with the scan so the release gate can check that the released artifact
 * is the scanned one (B.1.3.1-if). A classes directory is hashed as a tree: for each file in path order, its relative
 * path ({@code /} separated), a NUL, its SHA-256 in hex and a newline.
 */
public record ArtifactDigest(Path path, String sha256) {

    public ArtifactDigest {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 in hex: " + sha256);
        }
    }

    /** @throws UncheckedIOException when the artifact cannot be read */
    public static ArtifactDigest of(Path artifact) {
        try {
            return new ArtifactDigest(artifact, Files.isDirectory(artifact) ? tree(artifact) : file(artifact));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash " + artifact, e);
        }
    }

    private static String tree(Path root) throws IOException {
        MessageDigest digest = newDigest();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).map(root::relativize)
                    .sorted((a, b) -> slashed(a).compareTo(slashed(b))).toList();
        }
        for (Path file : files) {
            digest.update((slashed(file) + "\0" + file(root.resolve(file)) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String file(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String slashed(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
