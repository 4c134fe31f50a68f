package org.gatehouse.issuetracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Trackers' webhook signatures (the address policy's tests moved to gatehouse-egress's EgressPolicyTest). */
class WebhookSignatureTest {
    @Test
    void webhookSignaturesVerifyInConstantTimeAndRefuseForgeries() {
        byte[] key = WebhookSignature.key("It's a Secret to Everybody");
        byte[] body = "Hello, World!".getBytes(StandardCharsets.UTF_8);
        // GitHub's documented example (docs.github.com, "Validating webhook deliveries")
        String documented = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
        assertEquals(documented, WebhookSignature.sign(key, body));
        assertTrue(WebhookSignature.verify(key, body, documented));
        for (String forged : new String[] {null, "", "sha256=", documented.replace('7', '8'), "sha1=abc",
            documented.substring(0, 70), documented + "00", "sha256=" + "zz".repeat(32)}) {
            assertFalse(WebhookSignature.verify(key, body, forged), String.valueOf(forged));
        }
    }
}
