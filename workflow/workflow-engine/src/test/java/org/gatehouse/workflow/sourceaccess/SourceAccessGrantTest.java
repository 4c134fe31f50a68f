package org.gatehouse.workflow.sourceaccess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.identity.access.AccountId;
import org.gatehouse.platform.error.ProblemType;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.sourceaccess.SourceAccessGrant.Standing;
import org.junit.jupiter.api.Test;

/** Source-access grants (C.4): four eyes, one decision, revocation, expiry by time. */
class SourceAccessGrantTest {
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final AccountId DEV = new AccountId(UUID.randomUUID());
    private static final AccountId OWNER = new AccountId(UUID.randomUUID());
    private static final AccountId OTHER_OWNER = new AccountId(UUID.randomUUID());

    private static SourceAccessGrant requested(String requester, AccountId requesterId, String grantee) {
        return new SourceAccessGrant(UUID.randomUUID(), new ProjectKey("SHOP"), "git@git.example:shop.git", grantee,
                SourceAccessGrant.Access.CLONE, "fix SHOP-42", NOW.plus(Duration.ofDays(30)),
                SourceAccessGrant.State.REQUESTED, requester, requesterId, NOW, Optional.empty(), Optional.empty());
    }

    @Test
    void anOwnerApprovesAndTheGrantIsInForceUntilItsEnd() {
        SourceAccessGrant approved = requested("dev", DEV, "dev").approve(OWNER, "owner", NOW, Optional.of("ok"));
        assertEquals(SourceAccessGrant.State.APPROVED, approved.state());
        assertEquals("owner", approved.decision().orElseThrow().by());
        assertEquals(Standing.IN_FORCE, approved.standing(NOW.plus(Duration.ofDays(29))));
        assertEquals(Standing.EXPIRED, approved.standing(NOW.plus(Duration.ofDays(30))));
    }

    @Test
    void neitherTheRequesterNorTheGranteeDecides() {
        SelfApprovalRefused own = assertThrows(SelfApprovalRefused.class,
                () -> requested("owner", OWNER, "owner").approve(OWNER, "owner", NOW, Optional.empty()));
        assertEquals(ProblemType.FORBIDDEN, own.type());
        // an owner asked for a developer: the developer cannot approve (and would lack the permission anyway)
        assertThrows(SelfApprovalRefused.class,
                () -> requested("owner", OWNER, "dev").approve(DEV, "dev", NOW, Optional.empty()));
        // an owner asked for themselves: refusing it is deciding too
        assertThrows(SelfApprovalRefused.class,
                () -> requested("owner", OWNER, "owner").refuse(OWNER, "owner", NOW, Optional.empty()));
        assertEquals(SourceAccessGrant.State.APPROVED,
                requested("owner", OWNER, "owner").approve(OTHER_OWNER, "owner2", NOW, Optional.empty()).state());
    }

    @Test
    void aRequestIsDecidedOnceAndOnlyAnApprovedGrantIsRevoked() {
        SourceAccessGrant refused = requested("dev", DEV, "dev").refuse(OWNER, "owner", NOW, Optional.of("not needed"));
        assertEquals(Standing.REFUSED, refused.standing(NOW));
        GrantNotDecidable again = assertThrows(GrantNotDecidable.class,
                () -> refused.approve(OWNER, "owner", NOW, Optional.empty()));
        assertEquals(ProblemType.INVALID_TRANSITION, again.type());
        assertThrows(GrantNotDecidable.class, () -> refused.revoke("owner", NOW, "done"));
        SourceAccessGrant approved = requested("dev", DEV, "dev").approve(OWNER, "owner", NOW, Optional.empty());
        assertThrows(GrantInvalid.class, () -> approved.revoke("owner", NOW, " "));
        SourceAccessGrant revoked = approved.revoke("owner", NOW.plus(Duration.ofDays(1)), "left the team");
        assertEquals(Standing.REVOKED, revoked.standing(NOW.plus(Duration.ofDays(2))));
        assertEquals("left the team", revoked.revocation().orElseThrow().note().orElseThrow());
        assertEquals("owner", revoked.decision().orElseThrow().by());
    }

    @Test
    void aRequestPastItsEndCannotBeApproved() {
        SourceAccessGrant request = requested("dev", DEV, "dev");
        assertThrows(GrantNotDecidable.class,
                () -> request.approve(OWNER, "owner", NOW.plus(Duration.ofDays(31)), Optional.empty()));
    }
}
