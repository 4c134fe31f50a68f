package org.gatehouse.scanner.core.intake;

import static org.gatehouse.scanner.core.intake.Uploads.assertRefused;
import static org.gatehouse.scanner.core.intake.Uploads.gzippedZeros;
import static org.gatehouse.scanner.core.intake.Uploads.zippedZeros;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.gatehouse.platform.error.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decompression bombs generated on the fly are stopped by ratio and by total (7.8.3-ds). */
class BombGuardTest {
    private static final Set<String> TYPES = Set.of("xml");

    @TempDir
    Path work;

    private StoredReport receive(ReportIntake intake, byte[] content, String name) throws IOException {
        return intake.receive(new ByteArrayInputStream(content), name, TYPES, work);
    }

    @Test
    void aGzipBombIsStoppedByTheRatio() throws IOException {
        byte[] bomb = gzippedZeros(64L << 20);
        assertTrue(bomb.length < (64L << 20) / 500, "the bomb compresses about 1000:1, is " + bomb.length);
        ArchiveRejected refused = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertRefused(
                ArchiveRejected.class, ProblemType.ARCHIVE_REJECTED, "archive.ratio", work,
                () -> receive(new ReportIntake(), bomb, "bomb.xml.gz")));
        assertEquals(List.of("100"), refused.arguments());
        assertTrue(refused.getMessage().startsWith("The report expands to more than 100 times the size of the upload"));
    }

    @Test
    void manyConcatenatedGzipMembersAreStoppedByTheRatioToo() throws IOException {
        byte[] member = gzippedZeros(16L << 20);
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        for (int i = 0; i < 64; i++) { // 1 GiB of zeros
            bomb.write(member);
        }
        assertRefused(ArchiveRejected.class, ProblemType.ARCHIVE_REJECTED, "archive.ratio", work,
                () -> receive(new ReportIntake(), bomb.toByteArray(), "bomb.xml.gz"));
    }

    @Test
    void aGzipBombIsStoppedByTheTotal() throws IOException {
        ReportIntake intake = new ReportIntake(IntakeLimits.defaults().withMaxUncompressedBytes(4L << 20)
                .withMaxCompressionRatio(1_000_000));
        ArchiveRejected refused = assertRefused(ArchiveRejected.class, ProblemType.ARCHIVE_REJECTED, "archive.too-large",
                work, () -> receive(intake, gzippedZeros(64L << 20), "bomb.xml.gz"));
        assertEquals("The report is larger than 4 MiB when decompressed, the most a report may have.",
                refused.getMessage());
    }

    @Test
    void aZipBombIsStoppedByTheRatioAndByTheTotal() throws IOException {
        byte[] bomb = zippedZeros("bomb.xml", 64L << 20);
        assertRefused(ArchiveRejected.class, ProblemType.ARCHIVE_REJECTED, "archive.ratio", work,
                () -> receive(new ReportIntake(), bomb, "bomb.zip"));
        ReportIntake intake = new ReportIntake(IntakeLimits.defaults().withMaxUncompressedBytes(1L << 20)
                .withMaxCompressionRatio(1_000_000));
        assertRefused(ArchiveRejected.class, ProblemType.ARCHIVE_REJECTED, "archive.too-large", work,
                () -> receive(intake, bomb, "bomb.zip"));
    }

    @Test
    void compressibleButGenuineReportsPass() throws IOException {
        StringBuilder bugs = new StringBuilder("<BugCollection>");
        for (int i = 0; i < 2000; i++) {
            bugs.append("<BugInstance type=\"SQL_INJECTION\" priority=\"").append(i % 3).append("\"><Class name=\"com.example.C")
                    .append(i * 7919 % 1009).append("\"/><SourceLine start=\"").append(i * 31 % 997).append("\"/></BugInstance>");
        }
        String xml = bugs.append("</BugCollection>").toString();
        byte[] gz = Uploads.gzip(Uploads.utf8(xml));
        assertTrue(gz.length * 100L > xml.length(), "this report compresses less than 100:1");
        try (StoredReport report = receive(new ReportIntake(), gz, "spotbugs.xml.gz")) {
            assertEquals(xml.length(), report.uncompressedBytes());
        }
    }

    @Test
    void theRatioCeilingSaturatesInsteadOfOverflowing() {
        IntakeLimits limits = IntakeLimits.defaults().withMaxCompressionRatio(Integer.MAX_VALUE);
        assertEquals(Long.MAX_VALUE, limits.ratioCeiling(Long.MAX_VALUE / 2));
        assertEquals(300, IntakeLimits.defaults().ratioCeiling(3));
    }
}
