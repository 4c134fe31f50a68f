package org.gatehouse.identity.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashesWithArgon2idAndAPerPasswordSalt() {
        String first = hasher.hash("Correct-Horse-42");
        String second = hasher.hash("Correct-Horse-42");
        assertTrue(first.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), first);
        assertNotEquals(first, second, "salted");
        assertTrue(hasher.verify("Correct-Horse-42", first));
        assertFalse(hasher.verify("Correct-Horse-43", first));
    }

    @Test
    void malformedOrTamperedHashesNeverVerify() {
        String hash = hasher.hash("Correct-Horse-42");
        assertFalse(hasher.verify("Correct-Horse-42", null));
        assertFalse(hasher.verify("Correct-Horse-42", "plain"));
        assertFalse(hasher.verify("Correct-Horse-42", hash.replace("m=19456", "m=8")));
        assertFalse(hasher.verify("Correct-Horse-42", hash.replace("argon2id", "argon2i")));
        assertFalse(hasher.verify("Correct-Horse-42", "$argon2id$v=19$m=99999999,t=2,p=1$AAAA$AAAA"));
    }

    @Test
    void weakerParametersAskForARehash() {
        PasswordHasher weak = new PasswordHasher(4096, 1, 1);
        String old = weak.hash("Correct-Horse-42");
        assertTrue(hasher.needsRehash(old));
        assertFalse(hasher.needsRehash(hasher.hash("Correct-Horse-42")));
        assertTrue(hasher.verify("Correct-Horse-42", old), "old hashes still verify");
    }
}
