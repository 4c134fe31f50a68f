package org.gatehouse.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
    private final ClientAddress behindProxy = new ClientAddress(Optional.of("10.0.0.5, 10.0.0.6"));
    private final ClientAddress direct = new ClientAddress(Optional.empty());

    @Test
    void believesForwardedForOnlyFromTrustedProxies() {
        assertEquals("203.0.113.9", behindProxy.resolve("10.0.0.5", "203.0.113.9"));
        assertEquals("198.51.100.1", direct.resolve("198.51.100.1", "203.0.113.9"), "spoofed header ignored");
        assertEquals("198.51.100.1", behindProxy.resolve("198.51.100.1", "203.0.113.9"), "not from a proxy");
    }

    @Test
    void takesTheRightMostAddressThatIsNotAProxy() {
        // the client may put anything in front; only what our proxies appended counts
        assertEquals("203.0.113.9", behindProxy.resolve("10.0.0.5", "1.2.3.4, 203.0.113.9, 10.0.0.6"));
        assertEquals("10.0.0.5", behindProxy.resolve("10.0.0.5", "10.0.0.6"));
        assertEquals("10.0.0.5", behindProxy.resolve("10.0.0.5", "<script>"), "garbage is not an address");
    }
}
