package org.gatehouse.identity.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SourceRangeTest {

    private static SourceRange range(String text) {
        return SourceRange.parse(text).orElseThrow(() -> new AssertionError("not parsed: " + text));
    }

    @Test
    void ipv4RangesMatchByPrefix() {
        SourceRange net = range("203.0.113.0/24");
        assertTrue(net.contains("203.0.113.0"));
        assertTrue(net.contains("203.0.113.255"));
        assertFalse(net.contains("203.0.114.1"));
        assertFalse(net.contains("2001:db8::1"), "another family is outside");
        assertEquals("203.0.113.0/24", range("203.0.113.77/24").toString(), "host bits are cleared");
        assertTrue(range("192.0.2.7").contains("192.0.2.7"));
        assertFalse(range("192.0.2.7").contains("192.0.2.8"));
        assertTrue(range("0.0.0.0/0").contains("198.51.100.9"));
        assertTrue(range("10.0.0.0/9").contains("10.127.255.255"));
        assertFalse(range("10.0.0.0/9").contains("10.128.0.0"));
    }

    @Test
    void ipv6RangesMatchByPrefix() {
        SourceRange net = range("2001:db8::/32");
        assertTrue(net.contains("2001:db8:ffff::1"));
        assertTrue(net.contains("2001:0DB8:0:0:0:0:0:1"));
        assertFalse(net.contains("2001:db9::1"));
        assertFalse(net.contains("192.0.2.1"));
        assertTrue(range("::1").contains("0:0:0:0:0:0:0:1"));
        assertTrue(range("2001:db8::/127").contains("2001:db8::1"));
        assertFalse(range("2001:db8::/127").contains("2001:db8::2"));
    }

    @Test
    void ipv4MappedAddressesAreIpv4() {
        assertTrue(range("192.0.2.0/24").contains("::ffff:192.0.2.9"));
    }

    @Test
    void onlyLiteralsWithFittingPrefixesParse() {
        for (String bad : new String[] {"", "example.com", "localhost", "192.0.2.0/33", "2001:db8::/129", "192.0.2/24",
                "192.0.2.0/-1", "192.0.2.0/", "fe80::1%eth0", "1.2.3.4.5", "300.1.1.1", "1", "::/x"}) {
            assertTrue(SourceRange.parse(bad).isEmpty(), bad);
        }
        assertFalse(range("192.0.2.0/24").contains("not-an-address"));
        assertFalse(range("192.0.2.0/24").contains(null));
    }
}
