package org.gatehouse.scanner.core.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.Set;
import org.gatehouse.scanner.core.intake.StoredReport.Compression;
import org.junit.jupiter.api.Test;

/** The rules for client file names (7.8.3-dr): declared extension, optional .gz, or .zip. */
class DeclaredNameTest {
    private static final Set<String> TYPES = Set.of("xml", "json");

    @Test
    void theNameDeclaresTheCompression() {
        assertEquals(new DeclaredName("zap.xml", Compression.NONE), DeclaredName.parse("zap.xml", TYPES));
        assertEquals(new DeclaredName("zap.XML.Gz", Compression.GZIP), DeclaredName.parse("zap.XML.Gz", TYPES));
        assertEquals(new DeclaredName("zap.zip", Compression.ZIP), DeclaredName.parse("zap.zip", TYPES));
        assertEquals("zap.XML", DeclaredName.parse("zap.XML.Gz", TYPES).reportName());
        assertEquals("zap.xml", DeclaredName.parse("zap.xml", TYPES).reportName());
        assertThrows(UndeclaredReportType.class, () -> DeclaredName.parse("zap.sarif", TYPES));
        assertThrows(UndeclaredReportType.class, () -> DeclaredName.parse(".zip", TYPES));
    }

    @Test
    void sanitisingKeepsTheLastSegmentWithoutControlCharacters() {
        assertEquals("passwd.xml", DeclaredName.sanitise("../../etc/passwd.xml"));
        assertEquals("passwd.xml", DeclaredName.sanitise("C:\\temp\\..\\passwd.xml"));
        assertEquals("a b.xml", DeclaredName.sanitise("\u0007 a b.xml\n"));
        assertEquals("", DeclaredName.sanitise(null));
        assertEquals("", DeclaredName.sanitise("x/.."));
        String longName = "a".repeat(400) + ".xml";
        assertEquals(255, DeclaredName.sanitise(longName).length());
        assertEquals(Optional.of("xml"), DeclaredName.reportExtension(DeclaredName.sanitise(longName), TYPES));
    }

    @Test
    void declaredExtensionsAreNormalised() {
        assertEquals(Set.of("sarif", "json"), DeclaredName.normalise(Set.of(".SARIF", " json ")));
        assertThrows(IllegalArgumentException.class, () -> DeclaredName.normalise(Set.of("gz")));
        assertThrows(IllegalArgumentException.class, () -> DeclaredName.normalise(Set.of("")));
    }
}
