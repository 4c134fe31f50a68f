package org.gatehouse.scanner.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.gatehouse.scanner.api.ReportParseException;
import org.gatehouse.scanner.api.ReportSource;
import org.gatehouse.scanner.api.ReportedFinding;
import org.gatehouse.scanner.api.ScannerPlugin;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every scanner plugin meets, run over its fixtures: no findings, one finding, many
 * findings (with the expected count), and hostile inputs, each of which must end in a
 * {@link ReportParseException} within seconds, never in another exception or a hang. Every refusal
 * says where the problem is ({@link ReportParseException#position()}, also in the message): the
 * shared hostile inputs, the one-finding fixture cut short at several places, and that fixture with
 * a corrupt byte put at the start of a line, whose line the error must name.
 */
public abstract class ScannerPluginContractTest {

    protected abstract ScannerPlugin plugin();

    /** A real report without findings. */
    protected abstract ReportSource noFindings();

    /** A real report with exactly one finding. */
    protected abstract ReportSource oneFinding();

    /** Real reports with many findings, and how many each holds. */
    protected abstract Map<ReportSource, Integer> manyFindings();

    /** Inputs that must be refused: the shared ones for the format, and the plugin's own. */
    protected abstract List<ReportSource> hostile();

    /** A fixture from the test's own {@code src/test/resources/fixtures}; a {@code .gz} one is unpacked as read. */
    protected ReportSource fixture(String name) {
        Class<?> anchor = getClass();
        if (anchor.getResource("/fixtures/" + name) == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        return new ReportSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public java.io.InputStream open() throws java.io.IOException {
                java.io.InputStream in = anchor.getResourceAsStream("/fixtures/" + name);
                return name.endsWith(".gz") ? new java.util.zip.GZIPInputStream(in, 64 * 1024) : in;
            }
        };
    }

    protected static List<ReportedFinding> parse(ScannerPlugin plugin, ReportSource source) throws ReportParseException {
        List<ReportedFinding> findings = new ArrayList<>();
        plugin.parse(source, findings::add);
        return findings;
    }

    @Test
    void isRegisteredForTheServiceLoaderUnderItsId() {
        String id = plugin().descriptor().id();
        assertTrue(ServiceLoader.load(ScannerPlugin.class).stream().anyMatch(p -> p.get().descriptor().id().equals(id)),
                "META-INF/services must register " + plugin().getClass().getName());
    }

    @Test
    void reportWithoutFindingsGivesNone() throws ReportParseException {
        assertEquals(List.of(), parse(plugin(), noFindings()));
    }

    @Test
    void reportWithOneFindingGivesOne() throws ReportParseException {
        List<ReportedFinding> findings = parse(plugin(), oneFinding());
        assertEquals(1, findings.size());
        assertFalse(findings.get(0).fingerprint().value().isBlank());
    }

    @TestFactory
    List<DynamicTest> reportsWithManyFindingsGiveThemAllDeterministically() {
        List<DynamicTest> tests = new ArrayList<>();
        manyFindings().forEach((source, expected) -> tests.add(DynamicTest.dynamicTest(source.name(), () -> {
            List<ReportedFinding> first = parse(plugin(), source);
            assertEquals(expected, first.size());
            List<ReportedFinding> second = parse(plugin(), source);
            assertEquals(first.stream().map(f -> f.fingerprint().value()).toList(),
                    second.stream().map(f -> f.fingerprint().value()).toList(), "same report, same identities");
            first.forEach(f -> assertFalse(f.fingerprint().value().isBlank(), f.toString()));
        })));
        return tests;
    }

    @TestFactory
    List<DynamicTest> hostileInputsAreRefusedWithATypedErrorSayingWhere() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ReportSource source : hostile()) {
            tests.add(DynamicTest.dynamicTest(source.name(), () -> refused(source)));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> truncatedReportsAreRefusedSayingWhere() throws IOException {
        byte[] report = strippedOfTrailingWhitespace(readAll(oneFinding()));
        List<DynamicTest> tests = new ArrayList<>();
        for (int length : new int[] {report.length / 3, report.length / 2, 2 * report.length / 3, report.length - 1}) {
            ReportSource cut = ReportSource.of(oneFinding().name() + " cut to " + length + " bytes",
                    Arrays.copyOf(report, length));
            tests.add(DynamicTest.dynamicTest(cut.name(), () -> refused(cut)));
        }
        return tests;
    }

    @Test
    void aCorruptByteIsRefusedAtItsLine() throws IOException {
        byte[] report = readAll(oneFinding());
        int at = corruptionPoint(report);
        long line = 1;
        for (int i = 0; i < at; i++) {
            line += report[i] == '\n' ? 1 : 0;
        }
        byte[] corrupt = new byte[report.length + 1];
        System.arraycopy(report, 0, corrupt, 0, at);
        corrupt[at] = 0; // NUL: allowed neither in JSON nor in XML 1.0, inside or outside of strings
        System.arraycopy(report, at, corrupt, at + 1, report.length - at);
        ReportParseException refused = refused(ReportSource.of(oneFinding().name() + " with a NUL at line " + line, corrupt));
        assertEquals(line, refused.position().orElseThrow().line(), refused.getMessage());
    }

    /** Parses what must be refused: a typed error, within seconds, with a message and a position in the report. */
    private ReportParseException refused(ReportSource source) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try {
                parse(plugin(), source);
            } catch (ReportParseException expected) {
                assertFalse(expected.getMessage().isBlank());
                assertTrue(expected.position().isPresent(), "no position in \"" + expected.getMessage() + "\"");
                ReportParseException.Position where = expected.position().get();
                assertTrue(where.line() >= 1 && where.column() >= 1, "a 1-based position: " + where);
                assertTrue(expected.getMessage().contains("line " + where.line()), expected.getMessage());
                return expected;
            }
            return fail("accepted hostile input " + source.name());
        });
    }

    /** The start of the first line that begins at or after the middle of the report (the middle if none does). */
    private static int corruptionPoint(byte[] report) {
        for (int i = report.length / 2; i < report.length - 1; i++) {
            if (report[i] == '\n') {
                return i + 1;
            }
        }
        int middle = report.length / 2;
        while (middle > 0 && (report[middle] & 0xC0) == 0x80) {
            middle--; // not inside a UTF-8 sequence
        }
        return middle;
    }

    private static byte[] readAll(ReportSource source) throws IOException {
        try (InputStream in = source.open()) {
            return in.readAllBytes();
        }
    }

    private static byte[] strippedOfTrailingWhitespace(byte[] report) {
        int end = report.length;
        while (end > 0 && Character.isWhitespace(report[end - 1])) {
            end--;
        }
        return Arrays.copyOf(report, end);
    }
}
