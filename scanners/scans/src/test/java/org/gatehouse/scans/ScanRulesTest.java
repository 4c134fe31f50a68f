package org.gatehouse.scans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gatehouse.scanner.worker.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scan rules as the API takes them: validated JSON in, SpotBugs filter files written by Gatehouse out. */
class ScanRulesTest {

    @Test
    void readsValidatesAndWritesCanonicalJson() {
        ScanRules rules = ScanRules.fromJson("""
                {"exclude":[{"bugPattern":"PREDICTABLE_RANDOM"},{"package":"com.shop.test","class":"com.shop.test.Fake"}],
                 "include":[{"category":"security"}],"categories":["SECURITY","CORRECTNESS"],"confidence":"LOW"}""");
        assertEquals(Set.of("CORRECTNESS", "SECURITY"), rules.categories());
        assertEquals("low", rules.confidence());
        assertEquals(new ScanRules.Match(Optional.of("PREDICTABLE_RANDOM"), Optional.empty(), Optional.empty(),
                Optional.empty()), rules.exclude().get(0));
        String json = "{\"categories\":[\"CORRECTNESS\",\"SECURITY\"],\"include\":[{\"category\":\"SECURITY\"}],"
                + "\"exclude\":[{\"bugPattern\":\"PREDICTABLE_RANDOM\"},{\"package\":\"com.shop.test\","
                + "\"class\":\"com.shop.test.Fake\"}],\"confidence\":\"low\"}";
        assertEquals(json, rules.toJson());
        assertEquals(rules, ScanRules.fromJson(json), "what is recorded reads back the same");
        assertEquals(ScanRules.defaults(), ScanRules.fromJson("{}"));
        assertEquals("{\"categories\":[\"SECURITY\"],\"include\":[],\"exclude\":[],\"confidence\":\"medium\"}",
                ScanRules.defaults().toJson());
    }

    @Test
    void refusesRawXmlUnknownMembersBadValuesAndTooManyRules() {
        String many = "{\"exclude\":[" + String.join(",", java.util.Collections.nCopies(51, "{\"bugPattern\":\"XSS\"}"))
                + "]}";
        for (String[] bad : new String[][] {
                {"<FindBugsFilter><Match><Bug pattern=\"X\"/></Match></FindBugsFilter>", "scan.rules-malformed"},
                {"[]", "scan.rules-malformed"}, {"", "scan.rules-malformed"},
                {"{\"filter\":\"<xml/>\"}", "scan.rules-unknown"},
                {"{\"exclude\":[{\"source\":\"Foo.java\"}]}", "scan.rules-unknown"},
                {"{\"exclude\":[{}]}", "scan.rules-empty-match"},
                {"{\"exclude\":[{\"bugPattern\":\"x\\\"/><Match>\"}]}", "scan.rules-value"},
                {"{\"include\":[{\"package\":\"com.shop..*\"}]}", "scan.rules-value"},
                {"{\"include\":[{\"class\":\"~.*\"}]}", "scan.rules-value"},
                {"{\"include\":[{\"category\":\"NOISE\"}]}", "scan.rules-value"},
                {"{\"categories\":[]}", "scan.rules-value"}, {"{\"categories\":[\"ALL\"]}", "scan.rules-value"},
                {"{\"categories\":\"SECURITY\"}", "scan.rules-value"}, {"{\"confidence\":\"certain\"}", "scan.rules-value"},
                {"{\"exclude\":[{\"bugPattern\":7}]}", "scan.rules-value"}, {many, "scan.rules-too-many"},
                {"{\"x\":\"" + "a".repeat(ScanRules.MAX_JSON_CHARS) + "\"}", "scan.rules-malformed"}}) {
            ScanRules.Invalid invalid = assertThrows(ScanRules.Invalid.class, () -> ScanRules.fromJson(bad[0]), bad[0]);
            assertEquals(bad[1], invalid.messageKey(), bad[0]);
            assertTrue(!invalid.detail(java.util.Locale.SIMPLIFIED_CHINESE).equals(invalid.messageKey()));
        }
    }

    @Test
    void writesSpotBugsFiltersItself(@TempDir Path dir) throws Exception {
        ScanRules rules = ScanRules.fromJson("""
                {"include":[{"package":"com.shop$x"}],"exclude":[{"bugPattern":"PREDICTABLE_RANDOM","class":"com.shop.A$B"}]}""");
        RuleSet set = rules.toRuleSet(dir.resolve("filters"));
        assertEquals(List.of(dir.resolve("filters/include.xml")), set.includeFilters());
        assertEquals(List.of(dir.resolve("filters/exclude.xml")), set.excludeFilters());
        assertEquals(Set.of("SECURITY"), set.categories());
        assertEquals(RuleSet.Confidence.MEDIUM, set.minConfidence());
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <FindBugsFilter>
                  <Match>
                    <Package name="~com\\.shop\\$x(\\..*)?"/>
                  </Match>
                </FindBugsFilter>
                """, Files.readString(set.includeFilters().get(0)));
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <FindBugsFilter>
                  <Match>
                    <Bug pattern="PREDICTABLE_RANDOM"/>
                    <Class name="com.shop.A$B"/>
                  </Match>
                </FindBugsFilter>
                """, Files.readString(set.excludeFilters().get(0)));
        assertEquals(List.of(), ScanRules.defaults().toRuleSet(dir.resolve("none")).excludeFilters());
    }
}
