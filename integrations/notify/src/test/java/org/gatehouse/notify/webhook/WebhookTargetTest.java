package org.gatehouse.notify.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.gatehouse.identity.token.SourceRange;
import org.junit.jupiter.api.Test;

/** SSRF protection of webhook targets (issue 7): form, scheme, and the address classes refused. */
class WebhookTargetTest {
    @Test
    void refusesEveryNonPublicAddressClass() throws Exception {
        for (String address : List.of("127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.0.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fd00::1", "ff02::1",
                "::ffff:127.0.0.1", "::ffff:10.0.0.1")) {
            assertFalse(WebhookTarget.isPublic(InetAddress.getByName(address)), address);
        }
        for (String address : List.of("93.184.216.34", "8.8.8.8", "2606:4700:4700::1111")) {
            assertTrue(WebhookTarget.isPublic(InetAddress.getByName(address)), address);
        }
    }

    @Test
    void aLoopbackTargetPassesOnlyWhenAllowed() {
        WebhookTarget target = WebhookTarget.parse("http://127.0.0.1:8080/hook");
        InvalidWebhook refused = assertThrows(InvalidWebhook.class, () -> target.resolveAllowed(List.of()));
        assertEquals("webhook.url-forbidden", refused.messageKey());
        assertEquals(1, target.resolveAllowed(List.of(SourceRange.parse("127.0.0.0/8").orElseThrow())).length);
    }

    @Test
    void refusesOtherSchemesUserInfoAndFragments() {
        assertEquals("webhook.url-scheme", assertThrows(InvalidWebhook.class,
                () -> WebhookTarget.parse("ftp://example.test/x")).messageKey());
        assertEquals("webhook.url-scheme", assertThrows(InvalidWebhook.class,
                () -> WebhookTarget.parse("file:///etc/passwd")).messageKey());
        assertEquals("webhook.url-invalid", assertThrows(InvalidWebhook.class,
                () -> WebhookTarget.parse("https://user:pw@example.test/x")).messageKey());
        assertEquals("webhook.url-invalid", assertThrows(InvalidWebhook.class,
                () -> WebhookTarget.parse("https://example.test/x#frag")).messageKey());
        assertEquals("webhook.url-invalid", assertThrows(InvalidWebhook.class,
                () -> WebhookTarget.parse("https://example.test/" + "x".repeat(2000))).messageKey());
        assertEquals("https://example.test/hook?a=1", WebhookTarget.parse("https://example.test/hook?a=1").toString());
    }
}
