package org.gatehouse.scanner.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Repository-relative paths of SARIF artifact locations, and the shortcut that skips URI parsing for plain ones. */
class NormalisedPathTest {

    @Test
    void pathsAreRepositoryRelativeWhateverTheCheckoutPrefix() {
        assertEquals("src/main/java/a/B.java", SarifResults.normalisePath("src/main/java/a/B.java"));
        assertEquals("src/main/java/a/B.java", SarifResults.normalisePath("./src/main/java/a/B.java"));
        assertEquals("src/main/java/a/B.java", SarifResults.normalisePath("file:///home/ci/work/app/src/main/java/a/B.java"));
        assertEquals("src/main/java/a/B.java", SarifResults.normalisePath("file:///C:/build/app/src/main/java/a/B.java"));
        assertEquals("src/main/java/a/B.java", SarifResults.normalisePath("C:\\build\\app\\src\\main\\java\\a\\B.java"));
        assertEquals("src/my dir/B.java", SarifResults.normalisePath("src/my%20dir/B.java"));
        assertEquals("src/my dir/B.java", SarifResults.normalisePath("src/my dir/B.java"));
        assertEquals("B.java", SarifResults.normalisePath("/opt/other/B.java"));
    }

    @Test
    void theShortcutKeepsOnlyWhatParsingKeepsAsItIs() {
        for (String uri : List.of("src/a/B.java", "module0/org/x/Y.java", "a-b_c.d/e", "../x/y.java", "a..b/c")) {
            assertTrue(SarifResults.plainRelative(uri), uri);
            assertEquals(uri, SarifResults.parsed(uri), uri);
        }
        for (String uri : List.of("", "/abs/x", "./x", "//host/x", "file:///x", "C:/x", "a%20b", "a b", "a?b", "a#b",
                "a\\b", "a:b", "路径/x")) {
            assertFalse(SarifResults.plainRelative(uri), uri);
        }
        // random strings over the characters that matter: whenever the shortcut applies, parsing agrees
        String alphabet = "ab/._-:%?#\\ 0C~@!$&'()*+,;=[]";
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder uri = new StringBuilder();
            for (int i = random.nextInt(12); i >= 0; i--) {
                uri.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (SarifResults.plainRelative(uri.toString())) {
                assertEquals(uri.toString(), SarifResults.parsed(uri.toString()), uri.toString());
            }
        }
    }
}
