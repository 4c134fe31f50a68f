package org.gatehouse.workflow.requirement;

import java.time.Instant;
import java.util.Optional;
import org.gatehouse.identity.access.Role;

/** One person's agreement, in one role, to the content of a subject as it was (its SHA-256). */
public record SignOff(SignOffSubject subject, String contentSha256, Role role, String signer, Instant signedAt,
        Optional<String> comment) {
}
