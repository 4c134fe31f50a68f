package org.gatehouse.issuetracker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The outbound address policy (SSRF guard). */
class AddressPolicyTest {
    private final AddressPolicy strict = AddressPolicy.publicOnly();

    @Test
    void refusesNonHttpSchemesUserInfoAndNonPublicAddresses() {
        for (String url : new String[] {"file:///etc/passwd", "ftp://example.com", "gopher://x", "http://user:pw@8.8.8.8/",
            "http://127.0.0.1/", "http://localhost:8080/", "http://[::1]/", "http://10.0.0.1/", "http://172.16.5.4/",
            "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data", "http://100.64.0.1/", "http://0.0.0.0/",
            "http://[fd00::1]/", "http://[fe80::1]/", "http://[::ffff:127.0.0.1]/", "http://224.0.0.1/"}) {
            assertThrows(TrackerCallFailed.class, () -> strict.check(URI.create(url)), url);
        }
    }

    @Test
    void allowsPublicAddressesAndConfiguredRanges() throws TrackerCallFailed {
        strict.check(URI.create("https://8.8.8.8/rest"));
        strict.check(URI.create("https://[2001:4860:4860::8888]/"));
        AddressPolicy lab = AddressPolicy.allowing("127.0.0.0/8, 10.1.0.0/16");
        lab.check(URI.create("http://127.0.0.1:8080/"));
        lab.check(URI.create("http://10.1.2.3/"));
        assertEquals(TrackerCallFailed.Problem.ADDRESS_REFUSED,
                assertThrows(TrackerCallFailed.class, () -> lab.check(URI.create("http://10.2.0.1/"))).problem());
        assertThrows(IllegalArgumentException.class, () -> AddressPolicy.allowing("intranet.example/8"));
    }

    @Test
    void webhookSignaturesVerifyInConstantTimeAndRefuseForgeries() {
        byte[] key = WebhookSignature.key("It's a Secret to Everybody");
        byte[] body = "Hello, World!".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // GitHub's documented example (docs.github.com, "Validating webhook deliveries")
        String documented = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
        assertEquals(documented, WebhookSignature.sign(key, body));
        org.junit.jupiter.api.Assertions.assertTrue(WebhookSignature.verify(key, body, documented));
        for (String forged : new String[] {null, "", "sha256=", documented.replace('7', '8'), "sha1=abc",
            documented.substring(0, 70), documented + "00", "sha256=" + "zz".repeat(32)}) {
            org.junit.jupiter.api.Assertions.assertFalse(WebhookSignature.verify(key, body, forged), String.valueOf(forged));
        }
    }
}
