package org.gatehouse.findings.manual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SecurityFunctionChecklistTest {
    private static final Locale ZH = Locale.forLanguageTag("zh-CN");

    @Test
    void coversTheGuidesSecurityFunctionsAsTwelveNumberedCases() {
        List<SecurityFunctionChecklist.Item> items = SecurityFunctionChecklist.baseline();
        assertEquals(12, items.size());
        assertEquals(List.of("authentication", "access-control", "audit-trail", "session-management", "input-validation",
                "transport-encryption", "data-at-rest", "backup-restore", "error-handling", "file-upload",
                "backdoor-check", "test-data-desensitised"), items.stream().map(SecurityFunctionChecklist.Item::id).toList());
        assertEquals("SF-01", items.get(0).caseKey());
        assertEquals("SF-12", items.get(11).caseKey());
        assertEquals(12, new HashSet<>(items.stream().map(SecurityFunctionChecklist.Item::caseKey).toList()).size());
        assertTrue(items.get(4).clauses().contains("B.1.4.1"));
        assertTrue(items.get(10).clauses().contains("B.1.4.7"));
        assertTrue(items.get(11).clauses().contains("8.5.2"));
    }

    @Test
    void everyItemHasItsTextsInEnglishAndChineseWithinTheColumnLimits() {
        Pattern key = Pattern.compile(NewTestCase.KEY_PATTERN);
        Pattern han = Pattern.compile("[\\u4e00-\\u9fff]");
        for (SecurityFunctionChecklist.Item item : SecurityFunctionChecklist.baseline()) {
            assertTrue(key.matcher(item.caseKey()).matches(), item.caseKey());
            for (Locale locale : List.of(Locale.ROOT, Locale.ENGLISH, ZH)) {
                assertFalse(item.title(locale).isBlank(), item.id());
                assertTrue(item.title(locale).length() <= 300, item.id());
                assertTrue(item.steps(locale).length() <= 8000, item.id());
                assertTrue(item.expectedResult(locale).length() <= 4000, item.id());
            }
            assertNotEquals(item.title(Locale.ROOT), item.title(ZH), item.id());
            assertTrue(han.matcher(item.title(ZH)).find(), item.id());
            assertTrue(han.matcher(item.steps(ZH)).find(), item.id());
            assertTrue(han.matcher(item.expectedResult(ZH)).find(), item.id());
            assertFalse(han.matcher(item.title(Locale.ROOT)).find(), item.id());
        }
    }

    @Test
    void findsItemsByTheirStableId() {
        assertEquals("SF-11", SecurityFunctionChecklist.find("backdoor-check").orElseThrow().caseKey());
        assertTrue(SecurityFunctionChecklist.find("nothing").isEmpty());
    }
}
