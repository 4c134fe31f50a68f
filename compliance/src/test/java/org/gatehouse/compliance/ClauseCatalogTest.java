package org.gatehouse.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gatehouse.compliance.catalog.Clause;
import org.gatehouse.compliance.catalog.ClauseCatalog;
import org.junit.jupiter.api.Test;

/**
 * The compliance catalogue against a copy of REQUIREMENTS.md (test resources): every clause ID of the tables
 * of §1–§4, in order, with the catalogue's "the platform must" text copied as it is — so a clause cannot be
 * forgotten, renamed or reworded silently (issue 9).
 */
class ClauseCatalogTest {

    /** ID → "the platform must", from the tables of REQUIREMENTS.md §1–§4. */
    static Map<String, String> requirements() throws IOException {
        String text;
        try (InputStream in = ClauseCatalogTest.class.getResourceAsStream("/REQUIREMENTS.md")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> clauses = new LinkedHashMap<>();
        boolean inSection = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("## ")) {
                inSection = line.matches("## [1-4]\\. .*");
                continue;
            }
            if (!inSection || !line.startsWith("| ") || line.startsWith("| ID ")) {
                continue;
            }
            String[] cells = line.split("\\|");
            // | ID | The guide says | The platform must |  → "", ID, says, must
            clauses.put(cells[1].strip(), cells[cells.length - 1].isBlank() ? cells[cells.length - 2].strip()
                    : cells[cells.length - 1].strip());
        }
        return clauses;
    }

    @Test
    void theCatalogueHasEveryClauseOfTheRequirementsInOrder() throws IOException {
        Map<String, String> expected = requirements();
        assertEquals(33, expected.size(), "REQUIREMENTS.md §1–§4 list 33 clauses");
        List<String> ids = new ArrayList<>();
        ClauseCatalog.standard().all().forEach(c -> ids.add(c.id()));
        assertEquals(new ArrayList<>(expected.keySet()), ids);
    }

    @Test
    void eachClauseCarriesTheCataloguesTextAndBothLanguages() throws IOException {
        Map<String, String> expected = requirements();
        for (Clause clause : ClauseCatalog.standard().all()) {
            assertEquals(expected.get(clause.id()), clause.mustEn(), clause.id());
            assertFalse(clause.titleZh().equals(clause.titleEn()), clause.id());
            assertTrue(clause.mustZh().codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF), clause.id() + " zh");
            assertTrue(clause.titleZh().codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF), clause.id() + " zh title");
        }
        assertEquals(1, ClauseCatalog.standard().find("B.1.3.1-ia").orElseThrow().section());
        assertEquals(2, ClauseCatalog.standard().find("C.4").orElseThrow().section());
        assertEquals(3, ClauseCatalog.standard().find("7.2.7, B.2.4.5").orElseThrow().section());
        assertEquals(4, ClauseCatalog.standard().find("B.1.4.1, B.1.4.7").orElseThrow().section());
    }

    @Test
    void rangesAndListsKeepTheirIdAndCoverTheirItems() {
        ClauseCatalog catalog = ClauseCatalog.standard();
        assertEquals(List.of("8.3-em", "8.3-en", "8.3-eo"), catalog.find("8.3-em..eo").orElseThrow().items());
        assertEquals(List.of("8.2-ek", "8.2-el"), catalog.find("8.2-ek, el").orElseThrow().items());
        assertEquals(List.of("B.2.4.2-kb", "B.2.4.2-kc"), catalog.find("B.2.4.2-kb, kc").orElseThrow().items());
        assertEquals(List.of("B.2.4.3-kd", "B.2.4.3-ke", "B.2.4.3-kf", "B.1.2.17-hu", "B.1.2.17-hv"),
                catalog.find("B.2.4.3-kd..kf, B.1.2.17-hu..hv").orElseThrow().items());
        assertEquals(List.of("7.2.5", "7.2.6"), catalog.find("7.2.5, 7.2.6").orElseThrow().items());
        assertEquals(8, catalog.find("7.8.3-dl..ds").orElseThrow().items().size(), "dl dm dn do dp dq dr ds");
        assertEquals(List.of("B.1.3.2-ij", "B.1.3.2-ik", "B.1.3.2-il", "B.1.3.2-im", "B.1.3.2-in", "B.1.3.2-io"),
                catalog.find("B.1.3.2-ij..io").orElseThrow().items());
        assertTrue(catalog.find("7.8.3-dl..ds").orElseThrow().covers("7.8.3-dp"));
        assertTrue(catalog.find("C.3").orElseThrow().covers("C.3"));
        assertFalse(catalog.find("8.3-em..eo").orElseThrow().covers("8.3-ep"));
    }
}
