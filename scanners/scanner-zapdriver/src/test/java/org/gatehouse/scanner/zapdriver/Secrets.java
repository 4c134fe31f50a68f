package org.gatehouse.scanner.zapdriver;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The test secrets, and the assertion that a text shows none of them (plain or URL-encoded). */
final class Secrets {
    static final String TOKEN = "Bearer tok-S3CRET-4242";
    static final String PASSWORD = "pa ss&w=S3CRET%d";
    static final String USER = "alice@shop.test";

    private Secrets() {
    }

    static void assertNone(String text) {
        for (String secret : new String[] {ZapStub.KEY, TOKEN, "S3CRET", PASSWORD, USER}) {
            String once = URLEncoder.encode(secret, StandardCharsets.UTF_8);
            assertFalse(text.contains(secret), () -> "a secret leaked into: " + text);
            assertFalse(text.contains(once), () -> "a secret leaked into: " + text);
            assertFalse(text.contains(URLEncoder.encode(once, StandardCharsets.UTF_8)), () -> "a secret leaked into: " + text);
        }
    }
}
