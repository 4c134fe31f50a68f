package org.gatehouse.scanner.core.intake;

import static org.gatehouse.scanner.core.intake.Uploads.SARIF;
import static org.gatehouse.scanner.core.intake.Uploads.assertRefused;
import static org.gatehouse.scanner.core.intake.Uploads.files;
import static org.gatehouse.scanner.core.intake.Uploads.gzip;
import static org.gatehouse.scanner.core.intake.Uploads.sha256;
import static org.gatehouse.scanner.core.intake.Uploads.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.gatehouse.platform.error.ProblemType;
import org.gatehouse.scanner.api.ReportSource;
import org.gatehouse.scanner.core.intake.StoredReport.Compression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report read while it arrives (issue 4): the same bytes, hash, limit and clean-up as a received one (7.8.3-ds). */
class LiveReportTest {
    private static final Set<String> SARIF_TYPES = Set.of("sarif", "json");

    @TempDir
    Path work;

    private final ReportIntake intake = new ReportIntake();

    private LiveReport live(ReportIntake from, byte[] content, String name) throws IOException {
        return from.live(new ByteArrayInputStream(content), name, SARIF_TYPES, work);
    }

    @Test
    void aPluginReadsTheArrivingBytesAndTheStoredReportMatchesAReceivedOne() throws IOException {
        byte[] content = utf8(SARIF.repeat(2000));
        try (LiveReport live = live(intake, content, "build/scan.sarif")) {
            assertTrue(live.live());
            ReportSource source = live.source();
            assertEquals("scan.sarif", source.name());
            byte[] read;
            try (InputStream in = source.open()) {
                read = in.readAllBytes();
            }
            assertArrayEquals(content, read);
            try (StoredReport stored = live.finish()) {
                assertEquals(sha256(content), stored.sha256());
                assertEquals(content.length, stored.uploadedBytes());
                assertEquals(content.length, stored.uncompressedBytes());
                assertEquals(Compression.NONE, stored.compression());
                assertEquals("scan.sarif", stored.fileName());
                assertArrayEquals(content, Files.readAllBytes(stored.path()));
                assertEquals(List.of(stored.path()), files(work), "one owner-only temp file, handed over");
            }
        }
        assertEquals(List.of(), files(work));
    }

    @Test
    void aSecondPassReadsTheRestOfTheUploadThenTheStoredCopy() throws IOException {
        byte[] content = utf8(SARIF.repeat(5000));
        try (LiveReport live = live(intake, content, "scan.sarif")) {
            ReportSource source = live.source();
            try (InputStream first = source.open()) {
                assertEquals(100, first.readNBytes(100).length); // a first pass that stops early
            }
            try (InputStream second = source.open()) {
                assertArrayEquals(content, second.readAllBytes(), "the second pass sees the whole report");
            }
            try (StoredReport stored = live.finish()) {
                assertEquals(sha256(content), stored.sha256(), "the hash covers every byte, also those nobody parsed");
            }
        }
    }

    @Test
    void finishingWithoutParsingStoresTheWholeUpload() throws IOException {
        byte[] content = utf8(SARIF);
        try (LiveReport live = live(intake, content, "scan.json"); StoredReport stored = live.finish()) {
            assertArrayEquals(content, Files.readAllBytes(stored.path()));
            assertEquals(sha256(content), stored.sha256());
        }
    }

    @Test
    void compressedUploadsAreReceivedFirstBehindTheBombGuards() throws IOException {
        byte[] content = utf8(SARIF);
        try (LiveReport live = live(intake, gzip(content), "scan.sarif.gz")) {
            assertFalse(live.live());
            assertThrows(IllegalStateException.class, live::source);
            try (StoredReport stored = live.finish()) {
                assertEquals(Compression.GZIP, stored.compression());
                assertArrayEquals(content, Files.readAllBytes(stored.path()));
            }
        }
        // gzip content under a plain name is not read live either: the intake decompresses it
        try (LiveReport live = live(intake, gzip(content), "scan.sarif"); StoredReport stored = live.finish()) {
            assertFalse(live.live());
            assertArrayEquals(content, Files.readAllBytes(stored.path()));
        }
        assertEquals(List.of(), files(work));
    }

    @Test
    void anUndeclaredNameIsRefusedBeforeAByteIsRead() throws IOException {
        InputStream untouchable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("read before the name was checked");
            }
        };
        assertRefused(UndeclaredReportType.class, ProblemType.UNSUPPORTED_MEDIA_TYPE, "type.undeclared", work,
                () -> intake.live(untouchable, "scan.exe", SARIF_TYPES, work));
    }

    @Test
    void theSizeLimitHoldsWhileAPluginReadsAndNothingIsLeftBehind() throws IOException {
        ReportIntake small = new ReportIntake(IntakeLimits.defaults().withMaxUploadBytes(1000));
        byte[] content = utf8(SARIF.repeat(20));
        try (LiveReport live = live(small, content, "scan.sarif")) {
            InputStream in = live.source().open();
            UploadTooLarge refused = assertThrows(UploadTooLarge.class, in::readAllBytes);
            assertEquals(ProblemType.PAYLOAD_TOO_LARGE, refused.type());
        }
        assertEquals(List.of(), files(work), "an abandoned upload's temp file is deleted");
        try (LiveReport live = live(small, content, "scan.sarif")) {
            assertThrows(UploadTooLarge.class, live::finish);
        }
        assertEquals(List.of(), files(work));
        byte[] exactly = new byte[1000];
        java.util.Arrays.fill(exactly, (byte) ' ');
        try (LiveReport live = live(small, exactly, "scan.sarif"); StoredReport stored = live.finish()) {
            assertEquals(1000, stored.uploadedBytes(), "the limit itself is allowed");
        }
    }
}
