package org.gatehouse.findings.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The build context a CI push carries (issue 7): optional, normalised, and refused when malformed. */
class BuildContextTest {
    private static BuildContext of(String branch, String url, String sha256) {
        return new BuildContext(Optional.ofNullable(branch), Optional.ofNullable(url), Optional.ofNullable(sha256));
    }

    @Test
    void keepsWhatIsWellFormedAndDropsWhatIsBlank() {
        BuildContext context = of(" feature/ci-gate ", "https://ci.example/runs/42", "AB".repeat(32));
        assertEquals(Optional.of("feature/ci-gate"), context.branch());
        assertEquals(Optional.of("https://ci.example/runs/42"), context.pipelineUrl());
        assertEquals(Optional.of("ab".repeat(32)), context.artifactSha256(), "digests are kept in lower case");
        assertEquals(BuildContext.NONE, of(" ", "", null));
    }

    @Test
    void refusesMalformedValues() {
        for (String branch : new String[] {"two words", "main~1", "a\u0000b", "x".repeat(201), "refs:heads"}) {
            assertThrows(ImportRequest.Invalid.class, () -> of(branch, null, null), branch);
        }
        for (String url : new String[] {"javascript:alert(1)", "ftp://ci.example/x", "/runs/42", "https://user:pw@ci.example/",
            "https://ci.example/" + "x".repeat(2000), "http:///nohost"}) {
            assertThrows(ImportRequest.Invalid.class, () -> of(null, url, null), url);
        }
        for (String digest : new String[] {"abc", "g".repeat(64), "a".repeat(65)}) {
            assertThrows(ImportRequest.Invalid.class, () -> of(null, null, digest), digest);
        }
    }
}
