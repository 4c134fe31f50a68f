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
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.gatehouse.platform.error.ProblemType;
import org.gatehouse.scanner.api.ReportSource;
import org.gatehouse.scanner.core.intake.StoredReport.Compression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain and gzip uploads, declared types, the size limit and clean-up (7.8.3-dr, 7.8.3-ds). */
class ReportIntakeTest {
    private static final Set<String> SARIF_TYPES = Set.of("sarif", "json");

    @TempDir
    Path work;

    private final ReportIntake intake = new ReportIntake();

    private StoredReport receive(byte[] content, String name) throws IOException {
        return intake.receive(new ByteArrayInputStream(content), name, SARIF_TYPES, work);
    }

    @Test
    void aPlainReportIsStoredWithItsCountsAndHash() throws IOException {
        try (StoredReport report = receive(utf8("abc"), "scan.sarif")) {
            assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", report.sha256());
            assertEquals(3, report.uploadedBytes());
            assertEquals(3, report.uncompressedBytes());
            assertEquals(Compression.NONE, report.compression());
            assertEquals("scan.sarif", report.fileName());
            assertEquals("scan.sarif", report.reportName());
            assertEquals("sarif", report.extension());
            assertEquals(work, report.path().getParent());
            assertFalse(report.path().getFileName().toString().contains("scan"), "temp names are random");
            assertEquals("abc", Files.readString(report.path()));
            assertEquals(List.of(report.path()), files(work));
        }
        assertEquals(List.of(), files(work));
    }

    @Test
    void theSourceIsNamedAfterTheReportAndOpensMoreThanOnce() throws IOException {
        try (StoredReport report = receive(utf8(SARIF), "scan.sarif")) {
            ReportSource source = report.source();
            assertEquals("scan.sarif", source.name());
            for (int pass = 0; pass < 2; pass++) {
                try (InputStream in = source.open()) {
                    assertArrayEquals(utf8(SARIF), in.readAllBytes());
                }
            }
        }
    }

    @Test
    void extensionsMatchCaseInsensitivelyWithOrWithoutTheirDot() throws IOException {
        try (StoredReport report = intake.receive(new ByteArrayInputStream(utf8(SARIF)), "SCAN.Json",
                Set.of(".JSON"), work)) {
            assertEquals("json", report.extension());
            assertEquals("SCAN.Json", report.fileName());
        }
    }

    @Test
    void aGzipReportIsDecompressedAndHashedAsUploaded() throws IOException {
        byte[] gz = gzip(utf8(SARIF));
        try (StoredReport report = receive(gz, "scan.sarif.GZ")) {
            assertEquals(Compression.GZIP, report.compression());
            assertEquals(gz.length, report.uploadedBytes());
            assertEquals(utf8(SARIF).length, report.uncompressedBytes());
            assertEquals(sha256(gz), report.sha256());
            assertEquals("scan.sarif.GZ", report.fileName());
            assertEquals("scan.sarif", report.reportName());
            assertEquals("scan.sarif", report.source().name());
            assertEquals(SARIF, Files.readString(report.path()));
            assertEquals(List.of(report.path()), files(work), "the compressed spool is deleted");
        }
        assertEquals(List.of(), files(work));
    }

    @Test
    void gzipContentUnderAPlainNameIsDecompressedBehindTheSameGuards() throws IOException {
        try (StoredReport report = receive(gzip(utf8(SARIF)), "scan.sarif")) {
            assertEquals(Compression.GZIP, report.compression());
            assertEquals("scan.sarif", report.reportName());
            assertEquals(SARIF, Files.readString(report.path()));
        }
        assertRefused(ArchiveRejected.class, ProblemType.ARCHIVE_REJECTED, "archive.ratio", work,
                () -> receive(Uploads.gzippedZeros(32L << 20), "scan.sarif"));
    }

    @Test
    void undeclaredTypesAreRefusedBeforeReadingTheBody() throws IOException {
        for (String name : new String[] {"scan.txt", "scan.xml", "scan.gz", "scan.tar.gz", "scan.sarif.gz.gz", "scan.zip.gz",
                "scan.sarif.exe", ".sarif", "sarif", "scan.sarif\u0000.exe"}) {
            Uploads.Lazy body = new Uploads.Lazy(1000);
            UndeclaredReportType refused = assertRefused(UndeclaredReportType.class, ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "type.undeclared", work,
                    () -> intake.receive(body, name, SARIF_TYPES, work).close());
            assertEquals(0, body.served(), name);
            assertTrue(refused.getMessage().contains(".json, .sarif"), refused.getMessage());
        }
    }

    @Test
    void uploadsWithoutANameAreRefused() throws IOException {
        for (String name : new String[] {null, "", "  ", "dir/", "..", "a/.."}) {
            assertRefused(UndeclaredReportType.class, ProblemType.UNSUPPORTED_MEDIA_TYPE, "type.no-name", work,
                    () -> receive(utf8(SARIF), name).close());
        }
    }

    @Test
    void aGzNameWithoutGzipContentIsRefused() throws IOException {
        UndeclaredReportType refused = assertRefused(UndeclaredReportType.class, ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "type.not-gzip", work, () -> receive(utf8(SARIF), "scan.sarif.gz"));
        assertEquals("\"scan.sarif.gz\" is named .gz but its content is not gzip-compressed. "
                + "Compress it with gzip, or upload it without the .gz suffix.", refused.getMessage());
    }

    @Test
    void aTruncatedGzipIsRefusedAsDamaged() throws IOException {
        byte[] gz = gzip(utf8(SARIF.repeat(50)));
        assertRefused(ArchiveRejected.class, ProblemType.ARCHIVE_REJECTED, "archive.corrupt", work,
                () -> receive(Arrays.copyOf(gz, gz.length / 2), "scan.sarif.gz"));
        assertRefused(ArchiveRejected.class, ProblemType.ARCHIVE_REJECTED, "archive.corrupt", work,
                () -> receive(Arrays.copyOf(gz, 5), "scan.sarif.gz"));
    }

    @Test
    void gzipInsideGzipIsRefused() throws IOException {
        assertRefused(ArchiveRejected.class, ProblemType.ARCHIVE_REJECTED, "archive.nested", work,
                () -> receive(gzip(gzip(utf8(SARIF))), "scan.sarif.gz"));
    }

    @Test
    void aTenGibibyteStreamFailsFastAtTheLimit() throws IOException {
        Uploads.Lazy body = new Uploads.Lazy(10L << 30, (200L << 20) + (1 << 20));
        UploadTooLarge refused = assertRefused(UploadTooLarge.class, ProblemType.PAYLOAD_TOO_LARGE, "upload.too-large",
                work, () -> intake.receive(body, "huge.sarif", SARIF_TYPES, work));
        assertEquals((200L << 20) + 1, body.served(), "reads one byte past the default 200 MiB, no more");
        assertEquals("The upload is larger than 200 MiB, the most a report may have. "
                + "Compress it with gzip (report.sarif.gz) or split the scan.", refused.getMessage());
    }

    @Test
    void anUploadOfExactlyTheLimitIsAccepted() throws IOException {
        ReportIntake small = new ReportIntake(IntakeLimits.defaults().withMaxUploadBytes(1000));
        try (StoredReport report = small.receive(new Uploads.Lazy(1000), "a.json", SARIF_TYPES, work)) {
            assertEquals(1000, report.uploadedBytes());
        }
        Uploads.Lazy body = new Uploads.Lazy(1001);
        assertRefused(UploadTooLarge.class, ProblemType.PAYLOAD_TOO_LARGE, "upload.too-large", work,
                () -> small.receive(body, "a.json", SARIF_TYPES, work));
        assertEquals(1001, body.served());
    }

    @Test
    void aClientThatGoesAwayIsAnIoErrorAndLeavesNothing() throws IOException {
        IOException reset = new IOException("connection reset");
        InputStream broken = new SequenceInputStream(new ByteArrayInputStream(new byte[100_000]), new InputStream() {
            @Override
            public int read() throws IOException {
                throw reset;
            }
        });
        assertSame(reset, assertThrows(IOException.class, () -> intake.receive(broken, "a.sarif", SARIF_TYPES, work)));
        assertEquals(List.of(), files(work));
    }

    @Test
    void pathsInTheNameAreStrippedAndNeverUsed() throws IOException {
        for (String name : new String[] {"../../etc/passwd.sarif", "..\\..\\Windows\\passwd.sarif", "/tmp/x/passwd.sarif"}) {
            try (StoredReport report = receive(utf8(SARIF), name)) {
                assertEquals("passwd.sarif", report.fileName());
                assertEquals(work, report.path().getParent());
                assertFalse(report.path().toString().contains("passwd"));
            }
        }
        assertEquals(List.of(), files(work));
    }

    @Test
    void controlAndFormatCharactersAreDroppedFromTheName() throws IOException {
        // U+202E (right-to-left override) would display "scan\u202Efiras.exe" as "scanexe.sarif"
        assertRefused(UndeclaredReportType.class, ProblemType.UNSUPPORTED_MEDIA_TYPE, "type.undeclared", work,
                () -> receive(utf8(SARIF), "scan\u202Efiras.exe"));
        try (StoredReport report = receive(utf8(SARIF), "sc\ran\u200B\t.sarif")) {
            assertEquals("scan.sarif", report.fileName());
        }
    }

    @Test
    void tempFilesAreForTheOwnerOnly() throws IOException {
        assumeTrue(work.getFileSystem().supportedFileAttributeViews().contains("posix"));
        try (StoredReport plain = receive(utf8(SARIF), "a.sarif"); StoredReport gz = receive(gzip(utf8(SARIF)), "b.sarif.gz")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(plain.path())));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(gz.path())));
        }
    }

    @Test
    void closingTwiceIsHarmless() throws IOException {
        StoredReport report = receive(utf8(SARIF), "a.sarif");
        report.close();
        report.close();
        assertEquals(List.of(), files(work));
    }

    @Test
    void aPluginDeclaringAnArchiveSuffixIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class,
                () -> intake.receive(new ByteArrayInputStream(new byte[0]), "a.zip", Set.of("zip"), work));
        assertThrows(IllegalArgumentException.class,
                () -> intake.receive(new ByteArrayInputStream(new byte[0]), "a.sarif", Set.of(), work));
    }
}
