package org.gatehouse.findings.importing;

import java.util.Optional;

/**
 * The build a report was made from, as its push said: the commit and the CI build id, each optional. A fix is verified
 * by a scan (B.1.3.1-ih: "fixed and re-tested") only when that scan is of another build than the one that showed the
 * finding gone or still there, and "another" is decided on what both sides know: the commits when both name one (a
 * rebuild of the same commit is the same code, however its build id differs), otherwise the build ids when both name
 * one; with nothing to compare it is not another build. Imports are ordered by time, so the other build is also the
 * later scan; whether its code is newer is what the pusher's commit says, which Gatehouse cannot check without the
 * repository.
 */
record ScannedBuild(Optional<String> commit, Optional<String> build) {

    /**
     * The same rule in SQL, for the columns {@code commit_sha} and {@code build_id} of the import aliased {@code alias}
     * against this build: bind {@link #sqlParameters()} in order.
     */
    static String sqlIsAnotherThan(String alias) {
        return "(CASE WHEN " + alias + ".commit_sha IS NOT NULL AND CAST(? AS text) IS NOT NULL"
                + " THEN " + alias + ".commit_sha <> CAST(? AS text)"
                + " WHEN " + alias + ".build_id IS NOT NULL AND CAST(? AS text) IS NOT NULL"
                + " THEN " + alias + ".build_id <> CAST(? AS text) ELSE false END)";
    }

    Object[] sqlParameters() {
        return new Object[] {commit.orElse(null), commit.orElse(null), build.orElse(null), build.orElse(null)};
    }

    /** Whether this build is another than {@code earlier}, on what both know. */
    boolean isAnotherThan(ScannedBuild earlier) {
        if (commit.isPresent() && earlier.commit.isPresent()) {
            return !commit.get().equals(earlier.commit.get());
        }
        if (build.isPresent() && earlier.build.isPresent()) {
            return !build.get().equals(earlier.build.get());
        }
        return false;
    }

    boolean isKnown() {
        return commit.isPresent() || build.isPresent();
    }
}
