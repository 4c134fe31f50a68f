package org.gatehouse.scans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Artifacts named by server path: only under the allow-listed roots, after every link is resolved. */
class ScanPathRootsTest {
    @TempDir
    Path dir;
    Path root;
    Path outside;
    ScanPathRoots roots;

    @BeforeEach
    void layout() throws IOException {
        root = Files.createDirectories(dir.resolve("ci/builds"));
        outside = Files.createDirectories(dir.resolve("private"));
        Files.writeString(root.resolve("shop.jar"), "PK");
        Files.writeString(root.resolve("notes.txt"), "x");
        Files.createDirectories(root.resolve("lib.jar.d"));
        Files.writeString(outside.resolve("secret.jar"), "PK");
        roots = ScanPathRoots.parse(Optional.of(" " + root + " , relative/dir, " + dir.resolve("missing")));
    }

    @Test
    void resolvesAFileUnderARootToItsRealPath() throws IOException {
        assertEquals(List.of(root.toRealPath()), roots.roots(), "relative and missing roots are left out");
        assertEquals(root.toRealPath().resolve("shop.jar"), roots.resolve(root + "/shop.jar", ScanPathRoots.ARTIFACTS));
        Files.createSymbolicLink(root.resolve("latest.jar"), root.resolve("shop.jar"));
        assertEquals(root.toRealPath().resolve("shop.jar"), roots.resolve(root + "/latest.jar", ScanPathRoots.ARTIFACTS),
                "a link that stays inside the root is followed");
    }

    @Test
    void refusesEscapesAndMissingFilesAlike() throws IOException {
        Files.createSymbolicLink(root.resolve("escape.jar"), outside.resolve("secret.jar"));
        Files.createSymbolicLink(root.resolve("up"), outside);
        for (String path : List.of(root + "/../../private/secret.jar", root + "/escape.jar", root + "/up/secret.jar",
                outside + "/secret.jar", "/etc/passwd", root + "/absent.jar", root + "/lib.jar.d", root.toString())) {
            DomainException refused = assertThrows(ScanPathRoots.Refused.class,
                    () -> roots.resolve(path, ScanPathRoots.ARTIFACTS), path);
            assertEquals("scan.path-refused", refused.messageKey(), path);
            assertEquals(ProblemType.VALIDATION_FAILED, refused.type());
            assertFalse(refused.getMessage().contains("secret") && !path.contains("secret"), refused.getMessage());
        }
    }

    @Test
    void refusesRelativeMalformedAndOtherKindsOfFile() throws IOException {
        for (String path : List.of("shop.jar", "", "ci/builds/shop.jar", "/ci/\u0000.jar")) {
            assertEquals("scan.path-malformed", assertThrows(ScanPathRoots.Refused.class,
                    () -> roots.resolve(path, ScanPathRoots.ARTIFACTS)).messageKey(), path);
        }
        assertEquals("scan.path-kind", assertThrows(ScanPathRoots.Refused.class,
                () -> roots.resolve(root + "/notes.txt", ScanPathRoots.ARTIFACTS)).messageKey());
        Files.writeString(root.resolve("app.war"), "PK");
        assertEquals("scan.path-kind", assertThrows(ScanPathRoots.Refused.class,
                () -> roots.resolve(root + "/app.war", ScanPathRoots.DEPENDENCIES)).messageKey(), "a war is no dependency");
    }

    @Test
    void withoutRootsTheFeatureIsOff() {
        ScanPathRoots off = ScanPathRoots.parse(Optional.empty());
        assertFalse(off.enabled());
        DomainException e = assertThrows(ScanErrors.Unavailable.class, () -> off.resolve(root + "/shop.jar",
                ScanPathRoots.ARTIFACTS));
        assertEquals("scan.paths-disabled", e.messageKey());
        assertFalse(ScanPathRoots.parse(Optional.of(" , ")).enabled());
    }
}
