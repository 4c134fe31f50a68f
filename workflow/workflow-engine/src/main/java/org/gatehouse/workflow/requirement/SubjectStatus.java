package org.gatehouse.workflow.requirement;

import java.util.List;
import java.util.Optional;
import org.gatehouse.identity.access.Role;

/**
 * Where the agreement on a subject stands: the digest of its content now (empty when there is
 * nothing to agree to yet), the sign-offs given for exactly that content, the roles still missing,
 * and what else is lacking (e.g. requirements without a test point).
 */
public record SubjectStatus(SignOffSubject subject, Optional<String> contentSha256, List<SignOff> signOffs,
        List<Role> missing, List<String> lacking) {
    public SubjectStatus {
        signOffs = List.copyOf(signOffs);
        missing = List.copyOf(missing);
        lacking = List.copyOf(lacking);
    }

    public boolean agreed() {
        return contentSha256.isPresent() && missing.isEmpty() && lacking.isEmpty();
    }
}
