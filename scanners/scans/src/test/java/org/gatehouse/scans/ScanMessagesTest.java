package org.gatehouse.scans;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Locale;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;
import org.junit.jupiter.api.Test;

/** Every refusal of the scan boundary reads as a sentence in English and Chinese, never as its message key. */
class ScanMessagesTest {

    @Test
    void everyRefusalHasEnglishAndChineseText() {
        List<DomainException> refusals = List.of(new ScanErrors.NotFound("x"),
                new ScanErrors.Unavailable("scan.unavailable"), new ScanErrors.Unavailable("scan.queue-full", 20),
                new ScanErrors.Unavailable("scan.zap-unavailable"), new ScanErrors.Finished("SUCCEEDED"),
                new ScanErrors.FileRequired(), new StoredArtifact.Refused(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        "artifact.type", "a.txt"), new StoredArtifact.Refused(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        "artifact.not-zip", "a.jar"), new StoredArtifact.Refused(ProblemType.PAYLOAD_TOO_LARGE,
                        "artifact.too-large", 500), new ScanErrors.Unavailable("scan.paths-disabled"),
                new ScanPathRoots.Refused("scan.path-malformed", "x"), new ScanPathRoots.Refused("scan.path-refused", "x"),
                new ScanPathRoots.Refused("scan.path-kind", "x", "jar"),
                new ScanPathRoots.Refused("scan.too-many-dependencies", 500));
        for (DomainException refusal : refusals) {
            for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
                assertNotEquals(refusal.messageKey(), refusal.detail(locale), refusal.messageKey() + " " + locale);
            }
        }
    }
}
