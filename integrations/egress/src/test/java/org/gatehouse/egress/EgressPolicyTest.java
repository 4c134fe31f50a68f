package org.gatehouse.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one outbound address policy (issue 7, SSRF): URL form, address classes, allowed ranges, mixed answers. */
class EgressPolicyTest {
    private final EgressPolicy strict = EgressPolicy.publicOnly();

    static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    /** {@code ::ffff:a.b.c.d} kept in its IPv6 form, as a resolver may hand it over (getByName would turn it into IPv4). */
    static InetAddress mapped(int a, int b, int c, int d) throws UnknownHostException {
        return Inet6Address.getByAddress(null, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff,
            (byte) a, (byte) b, (byte) c, (byte) d}, -1);
    }

    @Test
    void refusesEveryNonPublicAddressClass() throws Exception {
        for (String address : List.of("0.0.0.0", "0.1.2.3", "127.0.0.1", "127.9.9.9", "10.0.0.1", "172.16.5.4", "172.31.255.255",
                "192.168.0.1", "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.254", "192.0.0.8", "192.0.2.1",
                "198.18.0.1", "198.51.100.7", "203.0.113.9", "224.0.0.1", "239.255.255.250", "240.0.0.1",
                "255.255.255.255", "::", "::1", "::10.0.0.1", "fe80::1", "fec0::1", "fc00::1", "fd00::1", "fdff:ffff::1",
                "ff02::1", "64:ff9b::a00:1", "2001:db8::1", "2001:0:4136:e378::1", "2002:a00:1::1", "100::1")) {
            assertFalse(EgressPolicy.isPublic(ip(address)), address);
            assertFalse(strict.permits(ip(address)), address);
        }
        assertTrue(mapped(127, 0, 0, 1) instanceof Inet6Address, "the test's mapped address stays IPv6");
        for (InetAddress address : List.of(mapped(127, 0, 0, 1), mapped(10, 0, 0, 1), mapped(169, 254, 169, 254),
                mapped(0, 0, 0, 0), mapped(192, 168, 1, 1))) {
            assertFalse(EgressPolicy.isPublic(address), address.toString());
        }
    }

    @Test
    void allowsPublicUnicast() throws Exception {
        for (String address : List.of("8.8.8.8", "93.184.216.34", "1.1.1.1", "2606:4700:4700::1111", "2a00:1450:4001::200e")) {
            assertTrue(EgressPolicy.isPublic(ip(address)), address);
        }
        assertTrue(EgressPolicy.isPublic(mapped(8, 8, 8, 8)), "a mapped public address counts as that address");
    }

    @Test
    void aNameWithOnePrivateAmongPublicAddressesIsRefused() {
        NameResolution mixed = host -> new InetAddress[] {ip("8.8.8.8"), ip("10.0.0.7"), ip("1.1.1.1")};
        EgressFailed refused = assertThrows(EgressFailed.class, () -> strict.resolve("mixed.test", mixed));
        assertEquals(EgressFailed.Kind.ADDRESS_REFUSED, refused.kind());
        assertEquals("10.0.0.7", refused.refusedAddress().orElseThrow());
        NameResolution withMetadata = host -> new InetAddress[] {ip("2606:4700:4700::1111"), mapped(169, 254, 169, 254)};
        assertEquals("169.254.169.254", assertThrows(EgressFailed.class,
                () -> strict.resolve("cloud.test", withMetadata)).refusedAddress().orElseThrow());
        NameResolution withUniqueLocal = host -> new InetAddress[] {ip("8.8.8.8"), ip("fd12:3456::1")};
        assertEquals(EgressFailed.Kind.ADDRESS_REFUSED, assertThrows(EgressFailed.class,
                () -> strict.resolve("ula.test", withUniqueLocal)).kind());
    }

    @Test
    void returnsTheCheckedAddressesMappedOnesAsIpv4() throws Exception {
        EgressPolicy lab = EgressPolicy.allowing("127.0.0.0/8");
        assertEquals(List.of(ip("8.8.8.8"), ip("127.0.0.1")),
                lab.resolve("lab.test", host -> new InetAddress[] {ip("8.8.8.8"), mapped(127, 0, 0, 1)}));
    }

    @Test
    void configuredRangesAreAllowedAndNothingElse() throws Exception {
        EgressPolicy lab = EgressPolicy.allowing(" 127.0.0.0/8, 10.1.0.0/16 ,::1");
        assertTrue(lab.permits(ip("127.0.0.1")));
        assertTrue(lab.permits(ip("10.1.2.3")));
        assertTrue(lab.permits(ip("::1")));
        assertFalse(lab.permits(ip("10.2.0.1")));
        assertFalse(lab.permits(ip("169.254.169.254")));
        assertEquals(3, lab.allowed().size());
        for (String bad : List.of("intranet.example/8", "10.0.0.0/33", "::1/129", "10.0.0", "localhost", "10.0.0.0/x")) {
            assertThrows(IllegalArgumentException.class, () -> EgressPolicy.allowing(bad), bad);
        }
        assertTrue(EgressPolicy.allowing("").allowed().isEmpty());
        assertTrue(EgressPolicy.allowing(null).allowed().isEmpty());
    }

    @Test
    void unresolvableNamesAreNamedAsSuch() {
        assertEquals(EgressFailed.Kind.UNRESOLVABLE, assertThrows(EgressFailed.class, () -> strict.resolve("gone.test",
                host -> { throw new UnknownHostException(host); })).kind());
        assertEquals(EgressFailed.Kind.UNRESOLVABLE, assertThrows(EgressFailed.class,
                () -> strict.resolve("empty.test", host -> new InetAddress[0])).kind());
    }

    @Test
    void refusesNonHttpSchemesUserInfoFragmentsAndMissingHosts() throws EgressFailed {
        for (String url : List.of("file:///etc/passwd", "ftp://example.com/", "gopher://x/", "jar:http://x!/", "mailto:a@b.test")) {
            assertEquals(EgressFailed.Kind.SCHEME, assertThrows(EgressFailed.class,
                    () -> EgressPolicy.requireHttpUrl(URI.create(url))).kind(), url);
        }
        for (String url : List.of("http://user:pw@example.com/", "https://example.com/x#frag", "http:///path", "http://a_b:80/")) {
            assertEquals(EgressFailed.Kind.MALFORMED, assertThrows(EgressFailed.class,
                    () -> EgressPolicy.requireHttpUrl(URI.create(url))).kind(), url);
        }
        EgressPolicy.requireHttpUrl(URI.create("HTTPS://example.com:8443/rest?x=1"));
    }
}
