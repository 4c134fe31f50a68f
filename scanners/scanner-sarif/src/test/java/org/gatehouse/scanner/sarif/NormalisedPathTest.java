package org.gatehouse.scanner.sarif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Repository-relative paths of SARIF artifact locations, with and without uri base ids, and the shortcut for plain ones. */
class NormalisedPathTest {

    private static SarifBases bases(String json) throws Exception {
        return SarifBases.of(new ObjectMapper().readTree(json));
    }

    @Test
    void pathsAreRepositoryRelativeWhateverTheCheckoutPrefix() {
        assertEquals("src/main/java/a/B.java", SarifBases.normalisePath("src/main/java/a/B.java"));
        assertEquals("src/main/java/a/B.java", SarifBases.normalisePath("./src/main/java/a/B.java"));
        assertEquals("src/main/java/a/B.java", SarifBases.normalisePath("file:///home/ci/work/app/src/main/java/a/B.java"));
        assertEquals("src/main/java/a/B.java", SarifBases.normalisePath("file:///C:/build/app/src/main/java/a/B.java"));
        assertEquals("src/main/java/a/B.java", SarifBases.normalisePath("C:\\build\\app\\src\\main\\java\\a\\B.java"));
        assertEquals("src/main/java/a/B.java", SarifBases.normalisePath("file://ci-host/share/app/src/main/java/a/B.java"));
        assertEquals("src/my dir/B.java", SarifBases.normalisePath("src/my%20dir/B.java"));
        assertEquals("src/my dir/B.java", SarifBases.normalisePath("src/my dir/B.java"));
        assertEquals("https://example.com/a.js", SarifBases.normalisePath("https://example.com/a.js"));
    }

    @Test
    void anAbsolutePathWithoutSrcAndWithoutABaseKeepsItsDirectories() {
        assertEquals("/opt/other/B.java", SarifBases.normalisePath("/opt/other/B.java"));
        assertEquals("/home/damien/dd/docker/setEnv.sh", SarifBases.normalisePath("file:///home/damien/dd/docker/setEnv.sh"));
        assertEquals("C:/code/file1.c", SarifBases.normalisePath("file:///C:/code/file1.c"));
        assertEquals("C:/code/file1.c", SarifBases.normalisePath("c:\\code\\file1.c"));
        assertEquals("//build.example.com/work/x.c", SarifBases.normalisePath("file://build.example.com/work/x.c"));
        // the bare file name, as before, would make these one file
        assertNotEquals(SarifBases.normalisePath("file:///opt/a/Util.java"), SarifBases.normalisePath("file:///opt/b/Util.java"));
    }

    @Test
    void aRelativeUriIsRelativeToItsCheckoutRoot() throws Exception {
        SarifBases none = SarifBases.NONE;
        assertEquals("good/db_init.py", none.path("good/db_init.py", Optional.of("%SRCROOT%")), "CodeQL: undefined %SRCROOT%");
        SarifBases appendixK = bases("""
                {"PROJECTROOT": {"uri": "file://build.example.com/work/"},
                 "SRCROOT": {"uri": "src/", "uriBaseId": "PROJECTROOT"},
                 "LIB": {"uri": "lib/", "uriBaseId": "PROJECTROOT"},
                 "VENDOR": {"uri": "third party/", "uriBaseId": "LIB"},
                 "TOOLS": {"uri": "file:///opt/tools/"},
                 "LOOP1": {"uri": "a/", "uriBaseId": "LOOP2"}, "LOOP2": {"uri": "b/", "uriBaseId": "LOOP1"}}""");
        assertEquals("collections/list.h", appendixK.path("collections/list.h", Optional.of("SRCROOT")), "a checkout root by name");
        assertEquals("lib/list.h", appendixK.path("list.h", Optional.of("LIB")), "relative to PROJECTROOT through LIB");
        assertEquals("lib/third party/x.h", appendixK.path("x.h", Optional.of("VENDOR")), "a chain of two");
        assertEquals("lint.sh", appendixK.path("lint.sh", Optional.of("TOOLS")), "a base with an absolute uri");
        assertEquals("x.c", appendixK.path("x.c", Optional.of("UNDEFINED")));
        assertEquals("b/a/x.c", appendixK.path("x.c", Optional.of("LOOP1")), "a cycle ends");
        // absolute uris under a root are relative to the deepest
        assertEquals("collections/list.h", appendixK.path("file://build.example.com/work/src/collections/list.h", Optional.empty()));
        assertEquals("lib/list.h", appendixK.path("file://build.example.com/work/lib/list.h", Optional.of("SRCROOT")),
                "an absolute uri ignores its uriBaseId (§3.4.4)");
        assertEquals("lint.sh", appendixK.path("/opt/tools/lint.sh", Optional.empty()));
    }

    @Test
    void uriBaseIdsMakeEveryCheckoutPrefixAgree() throws Exception {
        for (String prefix : List.of("file:///home/ci/build-17/", "file:///C:/agent/_work/3/s/", "/var/lib/jenkins/ws/shop/")) {
            SarifBases bases = bases("{\"SRCROOT\": {\"uri\": \"" + prefix + "\"}, \"BIN\": {\"uri\": \"" + prefix + "target/\"}}");
            assertEquals("app/Main.java", bases.path("app/Main.java", Optional.of("SRCROOT")), prefix);
            assertEquals("app/Main.java", bases.path(prefix + "app/Main.java", Optional.empty()), prefix);
            assertEquals("Main.class", bases.path(prefix + "target/Main.class", Optional.empty()), prefix);
        }
    }

    @Test
    void onlyPathsWhoseBaseIsACheckoutRootCanBeToldBeforeTheBasesAreRead() {
        assertTrue(SarifBases.independentOfBases("a/B.java", Optional.empty()));
        assertTrue(SarifBases.independentOfBases("a/B.java", Optional.of("%SRCROOT%")));
        assertTrue(SarifBases.independentOfBases("a/B.java", Optional.of("srcroot")));
        assertTrue(SarifBases.independentOfBases("https://example.com/a.js", Optional.empty()));
        assertFalse(SarifBases.independentOfBases("a/B.java", Optional.of("SRC0")));
        assertFalse(SarifBases.independentOfBases("/home/ci/a/B.java", Optional.empty()));
        assertFalse(SarifBases.independentOfBases("file:///home/ci/a/B.java", Optional.empty()));
        assertFalse(SarifBases.independentOfBases("C:\\ci\\a\\B.java", Optional.empty()));
    }

    @Test
    void theShortcutKeepsOnlyWhatParsingKeepsAsItIs() {
        for (String uri : List.of("src/a/B.java", "module0/org/x/Y.java", "a-b_c.d/e", "../x/y.java", "a..b/c")) {
            assertTrue(SarifBases.plainRelative(uri), uri);
            assertEquals(uri, SarifBases.NONE.parsedPath(uri, Optional.empty()), uri);
        }
        for (String uri : List.of("", "/abs/x", "./x", "//host/x", "file:///x", "C:/x", "a%20b", "a b", "a?b", "a#b",
                "a\\b", "a:b", "路径/x")) {
            assertFalse(SarifBases.plainRelative(uri), uri);
        }
        // random strings over the characters that matter: whenever the shortcut applies, parsing agrees
        String alphabet = "ab/._-:%?#\\ 0C~@!$&'()*+,;=[]";
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder uri = new StringBuilder();
            for (int i = random.nextInt(12); i >= 0; i--) {
                uri.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (SarifBases.plainRelative(uri.toString())) {
                assertEquals(uri.toString(), SarifBases.NONE.parsedPath(uri.toString(), Optional.empty()), uri.toString());
            }
        }
    }
}
