package org.gatehouse.findings.manual;

import java.util.HexFormat;
import org.gatehouse.platform.crypto.Digests;
import org.gatehouse.workflow.api.ProjectKey;

/**
 * The identity of the finding a failed manual test files: derived from the project, the case key and
 * the case's title (case and spacing ignored), so failing the same case again — in this release or a
 * later one keeping key and title, as the checklist does — finds the same finding instead of filing a
 * second one, while {@code MT-001} of another release testing something else files its own.
 */
public final class ManualFindingFingerprint {
    /** The scanner id of findings filed by manual tests. */
    public static final String SCANNER = "manual";
    private static final String VERSION = "manual-test/v2";

    private ManualFindingFingerprint() {
    }

    /** SHA-256 (hex) over the version tag, the project key, the case key and the normalised title, one per line. */
    public static String of(ProjectKey project, String caseKey, String title) {
        String normalised = title.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
        return HexFormat.of().formatHex(Digests.sha256(VERSION + "\n" + project.value() + "\n" + caseKey + "\n"
                + normalised));
    }

    /** Where a manual finding is: {@code manual-test:<case key>}. */
    public static String location(String caseKey) {
        return "manual-test:" + caseKey;
    }
}
