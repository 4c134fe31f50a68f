package org.gatehouse.scanner.cyclonedx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gatehouse.scanner.api.AnalysisKind;
import org.gatehouse.scanner.api.ComponentHash;
import org.gatehouse.scanner.api.ReportParseException;
import org.gatehouse.scanner.api.ReportSource;
import org.gatehouse.scanner.api.ReportedComponent;
import org.gatehouse.scanner.api.ReportedFinding;
import org.gatehouse.scanner.api.ReportedLicence;
import org.gatehouse.scanner.api.ScannerPlugin;
import org.gatehouse.scanner.api.Severity;
import org.gatehouse.scanner.testkit.HostileInputs;
import org.gatehouse.scanner.testkit.ScannerPluginContractTest;
import org.junit.jupiter.api.Test;

/** The contract over real CycloneDX bills (C.4: the licensed-software inventory), JSON and XML, 1.2 to 1.6. */
class CycloneDxPluginTest extends ScannerPluginContractTest {
    private final CycloneDxPlugin plugin = new CycloneDxPlugin();

    @Override
    protected ScannerPlugin plugin() {
        return plugin;
    }

    @Override
    protected ReportSource noFindings() {
        return fixture("no_components_edited.json");
    }

    @Override
    protected ReportSource oneFinding() {
        return fixture("log4j.json");
    }

    @Override
    protected Map<ReportSource, Integer> manyFindings() {
        Map<ReportSource, Integer> many = new LinkedHashMap<>();
        many.put(fixture("issue_9277.json"), 355);
        many.put(fixture("dd_1_15_0.xml"), 804);
        many.put(fixture("nested_1_6_edited.json"), 6);
        many.put(fixture("nested_1_6_edited.xml"), 6);
        return many;
    }

    @Override
    protected List<ReportSource> hostile() {
        List<ReportSource> hostile = new ArrayList<>(HostileInputs.json());
        hostile.addAll(HostileInputs.xml());
        hostile.add(text("cyclonedx 1.1 xml", "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.1\"><components/></bom>"));
        hostile.add(text("cyclonedx 1.7 json", "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.7\",\"components\":[]}"));
        hostile.add(text("spdx instead of cyclonedx", "{\"spdxVersion\":\"SPDX-2.3\",\"packages\":[]}"));
        hostile.add(text("a component without name", "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\","
                + "\"components\":[{\"type\":\"library\",\"version\":\"1\"}]}"));
        hostile.add(text("components nested too deep (json)", "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\","
                + "\"components\":" + "[{\"name\":\"x\",\"components\":".repeat(40) + "[]" + "}]".repeat(40) + "}"));
        hostile.add(text("components nested too deep (xml)", "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><components>"
                + "<component><name>x</name><components>".repeat(40) + "</components></component>".repeat(40)
                + "</components></bom>"));
        hostile.add(text("xxe in a cyclonedx bom", "<?xml version=\"1.0\"?><!DOCTYPE bom [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><components><component><name>&x;</name></component>"
                + "</components></bom>"));
        hostile.add(text("huge licence name", "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><components><component>"
                + "<name>x</name><licenses><license><name>" + "x".repeat(12_000_000) + "</name></license></licenses>"
                + "</component></components></bom>"));
        hostile.add(text("cyclonedx then trailing content", "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\"} {}"));
        return hostile;
    }

    private static ReportSource text(String name, String content) {
        return ReportSource.of(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private List<ReportedComponent> components(ReportSource source) throws ReportParseException {
        List<ReportedComponent> components = new ArrayList<>();
        plugin.components(source, components::add);
        return components;
    }

    @Test
    void aComponentWithoutLicenceIsOneFindingOfNoLicence() throws ReportParseException {
        assertEquals(AnalysisKind.COMPOSITION, plugin.descriptor().kind());
        ReportedFinding log4j = parse(plugin, fixture("log4j.json")).get(0);
        assertEquals("licence:none", log4j.ruleId());
        assertEquals(Severity.INFO, log4j.severity(), "the policy is the core's, not the plugin's");
        assertEquals("CycloneDX", log4j.tool());
        assertEquals("1.4", log4j.toolVersion());
        assertTrue(log4j.description().contains("pkg:maven/org.apache.logging.log4j/log4j-core version 2.13.2"),
                log4j::description);
    }

    @Test
    void nestedComponentsComeWithTheirFieldsInBothFormats() throws ReportParseException {
        for (String fixture : List.of("nested_1_6_edited.json", "nested_1_6_edited.xml")) {
            List<ReportedComponent> components = components(fixture(fixture));
            assertEquals(List.of("jackson-core", "tiny-crypto", "gpl-lib", "acme-app", "left-pad"),
                    components.stream().map(ReportedComponent::name).toList(), fixture);
            assertEquals(List.of(1, 2, 1, 0, 0), components.stream().map(ReportedComponent::depth).toList(), fixture);
            ReportedComponent jackson = components.get(0);
            assertEquals("com.fasterxml.jackson.core", jackson.group());
            assertEquals("2.17.0", jackson.version());
            assertEquals(Optional.of("pkg:maven/com.fasterxml.jackson.core/jackson-core@2.17.0"), jackson.purl());
            assertEquals(List.of(new ComponentHash("SHA-256",
                    "55be130f6a68038088a261856c4e383ce79957a0fc1a29ecb213a9efd6ef4389")), jackson.hashes());
            assertEquals(List.of(new ReportedLicence(ReportedLicence.Kind.ID, "Apache-2.0")), jackson.licences());
            assertEquals(List.of(new ReportedLicence(ReportedLicence.Kind.EXPRESSION, "Apache-2.0 OR GPL-3.0-only")),
                    components.get(3).licences());
            assertEquals("pkg:maven/com.acme/acme-app", components.get(3).identity(), "no version, no qualifiers");
            assertEquals("com.acme:tiny-crypto", components.get(1).identity(), "group:name without a purl");
            assertEquals(List.of(new ReportedLicence(ReportedLicence.Kind.NAME, "WTFPL-ish custom"),
                    new ReportedLicence(ReportedLicence.Kind.ID, "MIT")), components.get(4).licences());
        }
    }

    @Test
    void jsonAndXmlOfOneBillGiveTheSameIdentities() throws ReportParseException {
        assertEquals(parse(plugin, fixture("nested_1_6_edited.json")).stream().map(ReportedFinding::fingerprint).toList(),
                parse(plugin, fixture("nested_1_6_edited.xml")).stream().map(ReportedFinding::fingerprint).toList());
    }

    @Test
    void anotherVersionOfAComponentKeepsItsIdentity() throws ReportParseException {
        String bill = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.3\",\"components\":[{\"name\":\"core\","
                + "\"version\":\"%s\",\"purl\":\"pkg:maven/org.x/core@%s?type=jar\",\"licenses\":[{\"license\":{\"id\":\"MIT\"}}]}]}";
        ReportedFinding old = parse(plugin, text("a", bill.formatted("1.0", "1.0"))).get(0);
        ReportedFinding updated = parse(plugin, text("b", bill.formatted("2.0", "2.0"))).get(0);
        assertEquals(old.fingerprint(), updated.fingerprint());
        assertEquals("licence:MIT", updated.ruleId());
        ReportedFinding relicensed = parse(plugin, text("c", bill.formatted("3.0", "3.0").replace("MIT", "GPL-2.0-only")))
                .get(0);
        assertTrue(!relicensed.fingerprint().equals(old.fingerprint()), "a new licence is a new finding");
    }

    @Test
    void everySupportedVersionIsRead() throws ReportParseException {
        for (String version : List.of("1.2", "1.3", "1.4", "1.5", "1.6")) {
            assertEquals(1, components(text(version + ".json", "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"" + version
                    + "\",\"components\":[{\"name\":\"a\"}]}")).size());
            assertEquals(1, components(text(version + ".xml", "<?xml version=\"1.0\"?>\n<bom xmlns=\"http://cyclonedx.org/schema/bom/"
                    + version + "\"><components><component type=\"library\"><name>a</name></component></components></bom>"))
                    .size());
        }
    }

    @Test
    void foreignDocumentsAreRefusedWithAPosition() {
        ReportParseException nameless = assertThrows(ReportParseException.class, () -> parse(plugin, text("nameless.json",
                "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\n\"components\":[\n{\"version\":\"1\"}]}")));
        assertEquals(3, nameless.position().orElseThrow().line());
    }
}
