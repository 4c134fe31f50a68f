package org.gatehouse.findings.manual;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The baseline security-function checklist (8.5.1: every security function is tested and the test
 * report states for each item whether it is implemented), derived from the guide's security
 * functions. Each item becomes a test case {@code SF-nn} of origin {@link TestOrigin#CHECKLIST};
 * its texts are in {@code Checklist.properties} (English) and {@code Checklist_zh_CN.properties}.
 */
public final class SecurityFunctionChecklist {
    /** The prefix of checklist case keys; hand-written cases may not use it. */
    public static final String KEY_PREFIX = "SF-";

    /** One item of the baseline: a stable id, its case key and the guide clauses it serves. */
    public record Item(String id, String caseKey, List<String> clauses) {
        public Item {
            clauses = List.copyOf(clauses);
        }

        public String title(Locale locale) {
            return text(id + ".title", locale);
        }

        public String steps(Locale locale) {
            return text(id + ".steps", locale);
        }

        public String expectedResult(Locale locale) {
            return text(id + ".expected", locale);
        }
    }

    private static final List<Item> BASELINE = List.of(
            item(1, "authentication", "8.3-eo", "B.2.4.1"),
            item(2, "access-control", "8.3-eo", "B.2.4.2"),
            item(3, "audit-trail", "B.2.4.3"),
            item(4, "session-management", "B.2.4.1"),
            item(5, "input-validation", "B.1.4.1"),
            item(6, "transport-encryption", "8.3-em"),
            item(7, "data-at-rest", "8.3-em"),
            item(8, "backup-restore", "8.3-en"),
            item(9, "error-handling", "8.5.1"),
            item(10, "file-upload", "B.1.4.1"),
            item(11, "backdoor-check", "B.1.4.7"),
            item(12, "test-data-desensitised", "8.5.2"));

    private SecurityFunctionChecklist() {
    }

    /** The baseline items in order ({@code SF-01} … {@code SF-12}). */
    public static List<Item> baseline() {
        return BASELINE;
    }

    public static Optional<Item> find(String id) {
        return BASELINE.stream().filter(item -> item.id().equals(id)).findFirst();
    }

    private static Item item(int number, String id, String... clauses) {
        return new Item(id, KEY_PREFIX + String.format(Locale.ROOT, "%02d", number), List.of(clauses));
    }

    static String text(String key, Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(SecurityFunctionChecklist.class.getPackageName() + ".Checklist",
                locale, SecurityFunctionChecklist.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return bundle.getString(key);
    }
}
