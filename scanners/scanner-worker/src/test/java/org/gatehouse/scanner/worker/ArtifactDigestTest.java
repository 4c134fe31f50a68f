package org.gatehouse.scanner.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactDigestTest {

    @Test
    void hashesAFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("abc.jar"), "abc");
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ArtifactDigest.of(file).sha256());
    }

    @Test
    void hashesADirectoryByRelativePathsAndContents(@TempDir Path dir) throws IOException {
        Path a = Files.createDirectories(dir.resolve("a/p"));
        Path b = Files.createDirectories(dir.resolve("b/p"));
        Files.writeString(a.resolve("X.class"), "x");
        Files.writeString(a.resolve("Y.class"), "y");
        Files.writeString(b.resolve("Y.class"), "y");
        Files.writeString(b.resolve("X.class"), "x");
        String sameTree = ArtifactDigest.of(dir.resolve("a")).sha256();
        assertEquals(sameTree, ArtifactDigest.of(dir.resolve("b")).sha256());
        // printf 'p/X.class\0%s\np/Y.class\0%s\n' $(sha256 of x) $(sha256 of y) | sha256sum
        assertEquals("596a628b2a22990d8d31981ec5f00c7ff25837b85ddaf6caf87f1ce0e8691eb1", sameTree);
        Files.writeString(b.resolve("X.class"), "changed");
        assertNotEquals(sameTree, ArtifactDigest.of(dir.resolve("b")).sha256());
    }

    @Test
    void aMissingArtifactCannotBeHashed(@TempDir Path dir) {
        assertThrows(UncheckedIOException.class, () -> ArtifactDigest.of(dir.resolve("missing.jar")));
        assertThrows(IllegalArgumentException.class, () -> new ArtifactDigest(dir, "ABC"));
    }
}
