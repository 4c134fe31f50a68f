package org.gatehouse.notify.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.gatehouse.egress.EgressPolicy;
import org.junit.jupiter.api.Test;

/** SSRF protection of webhook targets (issue 7): form, scheme, refused addresses (the classes: EgressPolicyTest). */
class WebhookTargetTest {
    @Test
    void aLoopbackTargetPassesOnlyWhenAllowed() {
        WebhookTarget target = WebhookTarget.parse("http://127.0.0.1:8080/hook");
        InvalidWebhook refused = assertThrows(InvalidWebhook.class, () -> target.resolveAllowed(EgressPolicy.publicOnly()));
        assertEquals("webhook.url-forbidden", refused.messageKey());
        assertEquals(1, target.resolveAllowed(EgressPolicy.allowing("127.0.0.0/8")).size());
        for (String url : List.of("http://169.254.169.254/latest/meta-data", "http://[::1]/", "http://0.0.0.0/",
                "http://[::ffff:10.0.0.1]/", "http://[fd00::1]/", "http://10.0.0.1/")) {
            assertEquals("webhook.url-forbidden", assertThrows(InvalidWebhook.class,
                    () -> WebhookTarget.parse(url).resolveAllowed(EgressPolicy.publicOnly())).messageKey(), url);
        }
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
