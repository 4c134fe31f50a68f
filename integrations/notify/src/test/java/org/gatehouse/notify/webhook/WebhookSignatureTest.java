package org.gatehouse.notify.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The documented Gatehouse-Signature header: t=…,v1=hex(HMAC-SHA256(secret, t + "." + body)). */
class WebhookSignatureTest {
    private static final byte[] SECRET = "whsec_test".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "{\"type\":\"gate.blocked\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void matchesTheDocumentedConstructionAndVerifies() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET, "HmacSHA256"));
        String expected = java.util.HexFormat.of().formatHex(mac.doFinal(
                ("1767225600." + new String(BODY, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
        String header = WebhookSignature.header(SECRET, 1767225600L, BODY);
        assertEquals("t=1767225600,v1=" + expected, header);
        assertTrue(WebhookSignature.verify(SECRET, header, BODY));
    }

    @Test
    void refusesAnotherBodySecretOrTimestamp() {
        String header = WebhookSignature.header(SECRET, 1767225600L, BODY);
        assertFalse(WebhookSignature.verify(SECRET, header, "{}".getBytes(StandardCharsets.UTF_8)));
        assertFalse(WebhookSignature.verify("other".getBytes(StandardCharsets.UTF_8), header, BODY));
        assertFalse(WebhookSignature.verify(SECRET, header.replace("t=1767225600", "t=1767225601"), BODY));
        assertFalse(WebhookSignature.verify(SECRET, "garbage", BODY));
        assertFalse(WebhookSignature.verify(SECRET, null, BODY));
    }
}
