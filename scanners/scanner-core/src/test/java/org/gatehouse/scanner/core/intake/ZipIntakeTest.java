package org.gatehouse.scanner.core.intake;

import static org.gatehouse.scanner.core.intake.Uploads.SARIF;
import static org.gatehouse.scanner.core.intake.Uploads.assertRefused;
import static org.gatehouse.scanner.core.intake.Uploads.entries;
import static org.gatehouse.scanner.core.intake.Uploads.files;
import static org.gatehouse.scanner.core.intake.Uploads.gzip;
import static org.gatehouse.scanner.core.intake.Uploads.sha256;
import static org.gatehouse.scanner.core.intake.Uploads.utf8;
import static org.gatehouse.scanner.core.intake.Uploads.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipOutputStream;
import org.gatehouse.platform.error.ProblemType;
import org.gatehouse.scanner.core.intake.StoredReport.Compression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A zip upload holds exactly one report file and nothing that could unpack further (7.8.3-ds). */
class ZipIntakeTest {
    private static final Set<String> TYPES = Set.of("sarif", "json");

    @TempDir
    Path work;

    private final ReportIntake intake = new ReportIntake();

    private StoredReport receive(byte[] content, String name) throws IOException {
        return intake.receive(new ByteArrayInputStream(content), name, TYPES, work);
    }

    @Test
    void aZipWithOneReportIsExtracted() throws IOException {
        byte[] zip = zip(entries("results.sarif", SARIF));
        try (StoredReport report = receive(zip, "Scan.ZIP")) {
            assertEquals(Compression.ZIP, report.compression());
            assertEquals("Scan.ZIP", report.fileName());
            assertEquals("results.sarif", report.reportName());
            assertEquals("results.sarif", report.source().name());
            assertEquals(zip.length, report.uploadedBytes());
            assertEquals(utf8(SARIF).length, report.uncompressedBytes());
            assertEquals(sha256(zip), report.sha256());
            assertEquals(SARIF, Files.readString(report.path()));
            assertEquals(List.of(report.path()), files(work));
        }
        assertEquals(List.of(), files(work));
    }

    @Test
    void directoryEntriesAreAllowedAndOnlyTheBaseNameIsKept() throws IOException {
        byte[] zip = zip(entries("build/", "", "build/reports/", "", "build/reports/../../../etc/cron.d/x.json", SARIF));
        try (StoredReport report = receive(zip, "reports.zip")) {
            assertEquals("x.json", report.reportName());
            assertEquals("json", report.extension());
            assertEquals(work, report.path().getParent());
        }
        assertEquals(List.of(), files(work), "nothing was extracted by name");
    }

    @Test
    void twoFilesAreRefused() throws IOException {
        assertRefused(ArchiveRejected.class, ProblemType.ARCHIVE_REJECTED, "archive.several-files", work,
                () -> receive(zip(entries("a.sarif", SARIF, "b.sarif", SARIF)), "scan.zip"));
        assertRefused(ArchiveRejected.class, ProblemType.ARCHIVE_REJECTED, "archive.several-files", work,
                () -> receive(zip(entries("a.sarif", SARIF, "README.txt", "hi")), "scan.zip"));
    }

    @Test
    void anEmptyZipOrOneWithDirectoriesOnlyIsRefused() throws IOException {
        ByteArrayOutputStream empty = new ByteArrayOutputStream();
        new ZipOutputStream(empty).close();
        assertRefused(ArchiveRejected.class, ProblemType.ARCHIVE_REJECTED, "archive.no-report", work,
                () -> receive(empty.toByteArray(), "scan.zip"));
        ArchiveRejected refused = assertRefused(ArchiveRejected.class, ProblemType.ARCHIVE_REJECTED, "archive.no-report",
                work, () -> receive(zip(entries("a/", "", "a/b/", "")), "scan.zip"));
        assertEquals("The zip archive holds no file. Put exactly one report (.json, .sarif) in it.", refused.getMessage());
    }

    @Test
    void tooManyEntriesAreRefusedBeforeInflating() throws IOException {
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 16; i++) {
            many.put("d" + i + "/", new byte[0]);
        }
        many.put("scan.sarif", utf8(SARIF));
        ArchiveRejected refused = assertRefused(ArchiveRejected.class, ProblemType.ARCHIVE_REJECTED, "archive.entries",
                work, () -> receive(zip(many), "scan.zip"));
        assertEquals(List.of("17", "16"), refused.arguments());
        many.remove("d0/");
        try (StoredReport report = receive(zip(many), "scan.zip")) {
            assertEquals("scan.sarif", report.reportName());
        }
    }

    @Test
    void nestedArchivesAreRefusedByNameAndByContent() throws IOException {
        byte[] inner = zip(entries("scan.sarif", SARIF));
        assertRefused(ArchiveRejected.class, ProblemType.ARCHIVE_REJECTED, "archive.nested", work,
                () -> receive(zip(Map.of("inner.zip", inner)), "scan.zip"));
        assertRefused(ArchiveRejected.class, ProblemType.ARCHIVE_REJECTED, "archive.nested", work,
                () -> receive(zip(Map.of("scan.sarif.gz", gzip(utf8(SARIF)))), "scan.zip"));
        assertRefused(ArchiveRejected.class, ProblemType.ARCHIVE_REJECTED, "archive.nested", work,
                () -> receive(zip(Map.of("scan.sarif", inner)), "scan.zip"));
        assertRefused(ArchiveRejected.class, ProblemType.ARCHIVE_REJECTED, "archive.nested", work,
                () -> receive(zip(Map.of("scan.sarif", gzip(utf8(SARIF)))), "scan.zip"));
    }

    @Test
    void anUndeclaredEntryIsRefused() throws IOException {
        ArchiveRejected refused = assertRefused(ArchiveRejected.class, ProblemType.ARCHIVE_REJECTED, "archive.entry-type",
                work, () -> receive(zip(entries("x/report.xml", "<a/>")), "scan.zip"));
        assertEquals(List.of("report.xml", ".json, .sarif"), refused.arguments());
    }

    @Test
    void anEncryptedEntryIsRefused() throws IOException {
        byte[] zip = zip(entries("scan.sarif", SARIF));
        setEncryptedFlag(zip);
        assertRefused(ArchiveRejected.class, ProblemType.ARCHIVE_REJECTED, "archive.encrypted", work,
                () -> receive(zip, "scan.zip"));
    }

    @Test
    void aTruncatedZipIsRefused() throws IOException {
        byte[] zip = zip(entries("scan.sarif", SARIF.repeat(20)));
        assertRefused(ArchiveRejected.class, ProblemType.ARCHIVE_REJECTED, "archive.corrupt", work,
                () -> receive(Arrays.copyOf(zip, zip.length - 30), "scan.zip"));
    }

    @Test
    void theNameAndTheContentMustAgree() throws IOException {
        assertRefused(UndeclaredReportType.class, ProblemType.UNSUPPORTED_MEDIA_TYPE, "type.not-zip", work,
                () -> receive(utf8(SARIF), "scan.zip"));
        assertRefused(UndeclaredReportType.class, ProblemType.UNSUPPORTED_MEDIA_TYPE, "type.not-zip", work,
                () -> receive(gzip(utf8(SARIF)), "scan.zip"));
        assertRefused(UndeclaredReportType.class, ProblemType.UNSUPPORTED_MEDIA_TYPE, "type.zip-misnamed", work,
                () -> receive(zip(entries("scan.sarif", SARIF)), "scan.sarif"));
        assertRefused(UndeclaredReportType.class, ProblemType.UNSUPPORTED_MEDIA_TYPE, "type.not-gzip", work,
                () -> receive(zip(entries("scan.sarif", SARIF)), "scan.sarif.gz"));
    }

    /** Sets bit 0 (encrypted) of the general purpose flags in every local and central header. */
    private static void setEncryptedFlag(byte[] zip) {
        for (int i = 0; i + 10 < zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4) {
                zip[i + 6] |= 1;
            } else if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2) {
                zip[i + 8] |= 1;
            }
        }
    }
}
