package org.gatehouse.scanner.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
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
 * {@link ReportParseException} within seconds, never in another exception or a hang.
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
    List<DynamicTest> hostileInputsAreRefusedWithATypedError() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ReportSource source : hostile()) {
            tests.add(DynamicTest.dynamicTest(source.name(), () -> assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                try {
                    parse(plugin(), source);
                    fail("accepted hostile input " + source.name());
                } catch (ReportParseException expected) {
                    assertFalse(expected.getMessage().isBlank());
                }
            })));
        }
        return tests;
    }
}
