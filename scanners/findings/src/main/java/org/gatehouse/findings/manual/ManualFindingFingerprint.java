package org.gatehouse.findings.manual;

import java.util.HexFormat;
import org.gatehouse.platform.crypto.Digests;
import org.gatehouse.workflow.api.ProjectKey;

/**
 * The identity of the finding a failed manual test files: derived from the project and the case
 * key, so failing the same case again (in this release or a later one keeping the key, as the
 * checklist does) finds the same finding instead of filing a second one.
 */
public final class ManualFindingFingerprint {
    /** The scanner id of findings filed by manual tests. */
    public static final String SCANNER = "manual";
    private static final String VERSION = "manual-test/v1";

    private ManualFindingFingerprint() {
    }

    /** SHA-256 (hex) over the version tag, the project key and the case key, each on its own line. */
    public static String of(ProjectKey project, String caseKey) {
        return HexFormat.of().formatHex(Digests.sha256(VERSION + "\n" + project.value() + "\n" + caseKey));
    }

    /** Where a manual finding is: {@code manual-test:<case key>}. */
    public static String location(String caseKey) {
        return "manual-test:" + caseKey;
    }
}
