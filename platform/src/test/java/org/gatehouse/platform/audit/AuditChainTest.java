package org.gatehouse.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.OffsetDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AuditChainTest {
    private static AuditChain.Link link(String actor, String target, byte[] prev) {
        return new AuditChain.Link(7, OffsetDateTime.parse("2026-11-25T12:00:00.123456Z"), actor, "PERSON", "10.0.0.1",
                "login", target, "session started", "SUCCESS", prev);
    }

    @Test
    void everyFieldAndThePreviousHashChangeTheHash() {
        byte[] base = AuditChain.hash(link("alice", "account:alice", AuditChain.GENESIS));
        assertEquals(32, base.length);
        assertFalse(Arrays.equals(base, AuditChain.hash(link("alicf", "account:alice", AuditChain.GENESIS))));
        byte[] otherPrev = AuditChain.GENESIS.clone();
        otherPrev[31] = 1;
        assertFalse(Arrays.equals(base, AuditChain.hash(link("alice", "account:alice", otherPrev))));
    }

    @Test
    void fieldBoundariesAreUnambiguous() {
        // "ab" + "c" and "a" + "bc" would collide with plain concatenation.
        byte[] one = AuditChain.hash(link("ab", "c", AuditChain.GENESIS));
        byte[] two = AuditChain.hash(link("a", "bc", AuditChain.GENESIS));
        assertFalse(Arrays.equals(one, two));
    }

    @Test
    void sameRecordSameHash() {
        assertEquals(Arrays.toString(AuditChain.hash(link("alice", "t", AuditChain.GENESIS))),
                Arrays.toString(AuditChain.hash(link("alice", "t", AuditChain.GENESIS))));
    }
}
