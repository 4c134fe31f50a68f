package org.gatehouse.workflow.requirement;

import java.time.Instant;
import java.util.Optional;

/**
 * The secure development standard a release is coded against (B.1.3.1-id: 《安全开发规范》): its name
 * and version, where it is, and optionally the SHA-256 of the document; adopted by the owner and
 * acknowledged by the developers through sign-offs.
 */
public record CodingStandard(String name, String version, Optional<String> location, Optional<String> documentSha256,
        String attachedBy, Instant attachedAt) {
}
