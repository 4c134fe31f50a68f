package org.gatehouse.scanner.detectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** B.1.4.7: which request comparisons are hard-coded secrets, and which are dispatch on ordinary values. */
class RequestSecretsTest {

    @Test
    void aCredentialNameOrASecretShapeIsOneSignBothAreTwo() {
        assertEquals(Optional.of(RequestSecrets.Sign.BOTH), RequestSecrets.judge(Optional.of("password"), "p@ssw0rd"));
        assertEquals(Optional.of(RequestSecrets.Sign.ONE), RequestSecrets.judge(Optional.of("X-Admin-Password"), "letmein"));
        assertEquals(Optional.of(RequestSecrets.Sign.ONE), RequestSecrets.judge(Optional.of("k"), "s3cr3t"));
        assertEquals(Optional.of(RequestSecrets.Sign.ONE), RequestSecrets.judge(Optional.empty(), "e45e329feb5d925b"));
        assertEquals(Optional.of(RequestSecrets.Sign.ONE), RequestSecrets.judge(Optional.of("key"), "open"));
    }

    @Test
    void dispatchWordsNumbersFormatsAndEmptyChecksAreNotSecrets() {
        for (String constant : new String[] {"delete", "1", "XMLHttpRequest", "application/json", "base64", "sha256",
                "v1.2.3", "", "null", "true", "https://example.com/a1b2"}) {
            assertEquals(Optional.empty(), RequestSecrets.judge(Optional.of("action"), constant), constant);
        }
        assertEquals(Optional.empty(), RequestSecrets.judge(Optional.of("password"), ""), "an empty check");
        assertEquals(Optional.empty(), RequestSecrets.judge(Optional.of("token"), "null"));
        assertEquals(Optional.empty(), RequestSecrets.judge(Optional.of("sortKey"), "name"));
    }

    @Test
    void credentialNamesAreFoundInHeadersAndParameters() {
        for (String name : new String[] {"pwd", "X-Api-Token", "api_key", "accessKey", "auth", "PASS", "magic"}) {
            assertEquals(true, RequestSecrets.credentialName(name), name);
        }
        for (String name : new String[] {"action", "page", "sortKey", "X-Requested-With", "passenger"}) {
            assertEquals(false, RequestSecrets.credentialName(name), name);
        }
    }
}
