package org.gatehouse.findings.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** B.1.3.1-ih: a fix is verified by a scan of another build, decided on what both imports say. */
class ScannedBuildTest {

    private static ScannedBuild of(String commit, String build) {
        return new ScannedBuild(Optional.ofNullable(commit), Optional.ofNullable(build));
    }

    @Test
    void commitsDecideWhenBothNameOne() {
        assertTrue(of("b2", null).isAnotherThan(of("a1", null)));
        assertFalse(of("a1", "18").isAnotherThan(of("a1", "17")), "a rebuild of the same commit is the same code");
        assertTrue(of("b2", "17").isAnotherThan(of("a1", "17")));
    }

    @Test
    void buildIdsDecideWhenACommitIsMissing() {
        assertTrue(of(null, "18").isAnotherThan(of(null, "17")));
        assertTrue(of("a1", "18").isAnotherThan(of(null, "17")));
        assertFalse(of(null, "17").isAnotherThan(of("a1", "17")));
    }

    @Test
    void nothingToCompareIsNotAnotherBuild() {
        assertFalse(of(null, null).isAnotherThan(of("a1", "17")));
        assertFalse(of("a1", null).isAnotherThan(of(null, "17")));
        assertFalse(of(null, null).isAnotherThan(of(null, null)));
        assertFalse(of(null, null).isKnown());
        assertTrue(of(null, "1").isKnown());
    }

    @Test
    void theSqlTakesTheParametersInTheOrderItNames() {
        String sql = ScannedBuild.sqlIsAnotherThan("fi");
        assertEquals(4, sql.chars().filter(ch -> ch == '?').count());
        assertEquals(java.util.Arrays.asList("c", "c", "b", "b"), java.util.Arrays.asList(of("c", "b").sqlParameters()));
    }
}
