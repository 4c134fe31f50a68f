package org.gatehouse.egress;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The outbound address policy (SSRF guard, issue 7), one for webhooks and issue trackers: a URL must be
 * http or https with a host and without user info or fragment, and every address its host resolves to
 * must be public unicast, unless it lies in a configured range ({@code gatehouse.webhooks.allowed-networks},
 * {@code gatehouse.trackers.allowed-addresses}). Refused by default: unspecified, loopback, private (RFC 1918),
 * shared (100.64/10), link-local (cloud metadata at 169.254.169.254), documentation and benchmark ranges,
 * multicast, reserved and broadcast; for IPv6 the unspecified and loopback addresses, IPv4-compatible and
 * NAT64 prefixes, 6to4 and Teredo, unique local (fc00::/7), link-local, site-local and multicast. An
 * IPv4-mapped IPv6 address ({@code ::ffff:10.0.0.1}) counts as its IPv4 address. A name with one refused
 * address is refused as a whole. {@link EgressClient} connects only to the addresses checked here.
 */
public final class EgressPolicy {
    private static final List<AddressRange> NON_PUBLIC = List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
            "203.0.113.0/24", "224.0.0.0/3",
            "::/96", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32", "2002::/16",
            "3fff::/20", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8")
            .stream().map(AddressRange::parse).toList();

    private final List<AddressRange> allowed;

    private EgressPolicy(List<AddressRange> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** Public addresses only. */
    public static EgressPolicy publicOnly() {
        return new EgressPolicy(List.of());
    }

    /**
     * Public addresses and these comma-separated ranges ({@code 127.0.0.0/8, ::1, 10.1.2.3}).
     *
     * @throws IllegalArgumentException when an entry is not a literal address range
     */
    public static EgressPolicy allowing(String ranges) {
        List<AddressRange> parsed = new ArrayList<>();
        for (String part : ranges == null ? new String[0] : ranges.split(",")) {
            if (!part.isBlank()) {
                parsed.add(AddressRange.parse(part.strip()));
            }
        }
        return new EgressPolicy(parsed);
    }

    public List<AddressRange> allowed() {
        return allowed;
    }

    /**
     * The URL's form: http or https, a host, no user info, no fragment (no DNS).
     *
     * @throws EgressFailed {@link EgressFailed.Kind#SCHEME} or {@link EgressFailed.Kind#MALFORMED}
     */
    public static URI requireHttpUrl(URI url) throws EgressFailed {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = String.valueOf(url.getHost());
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new EgressFailed(EgressFailed.Kind.SCHEME, host, "only http and https addresses are allowed");
        }
        if (url.getHost() == null || url.getHost().isBlank() || url.getRawUserInfo() != null || url.getRawFragment() != null) {
            throw new EgressFailed(EgressFailed.Kind.MALFORMED, host, "an address has a host name and no user info or fragment");
        }
        return url;
    }

    /**
     * Resolves the host once and returns its addresses when the policy permits every one of them; these are
     * the addresses to connect to (IPv4-mapped ones as IPv4).
     *
     * @throws EgressFailed {@link EgressFailed.Kind#UNRESOLVABLE} or {@link EgressFailed.Kind#ADDRESS_REFUSED}
     */
    public List<InetAddress> resolve(String host, NameResolution names) throws EgressFailed {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] answers;
        try {
            answers = names.resolve(bare);
        } catch (UnknownHostException e) {
            throw new EgressFailed(EgressFailed.Kind.UNRESOLVABLE, bare, "unknown host " + bare);
        }
        if (answers == null || answers.length == 0) {
            throw new EgressFailed(EgressFailed.Kind.UNRESOLVABLE, bare, "unknown host " + bare);
        }
        List<InetAddress> checked = new ArrayList<>(answers.length);
        for (InetAddress answer : answers) {
            InetAddress address = canonical(answer);
            if (!permits(address)) {
                throw new EgressFailed(EgressFailed.Kind.ADDRESS_REFUSED, bare, address.getHostAddress(),
                        bare + " resolves to a non-public address (" + address.getHostAddress() + ")");
            }
            checked.add(address);
        }
        return List.copyOf(checked);
    }

    /** Whether a connection to this address is allowed: public, or in an allowed range. */
    public boolean permits(InetAddress address) {
        InetAddress canonical = canonical(address);
        return isPublic(canonical) || allowed.stream().anyMatch(r -> r.contains(canonical));
    }

    /** Public unicast: none of the refused classes above. */
    public static boolean isPublic(InetAddress address) {
        InetAddress a = canonical(address);
        if (!(a instanceof Inet4Address) && !(a instanceof Inet6Address)) {
            return false;
        }
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        return NON_PUBLIC.stream().noneMatch(range -> range.contains(a));
    }

    /** An IPv4-mapped IPv6 address as its IPv4 address (the JDK keeps the IPv6 form when built by hand). */
    static InetAddress canonical(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address && b.length == 16) {
            boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
            for (int i = 0; i < 10 && mapped; i++) {
                mapped = b[i] == 0;
            }
            if (mapped) {
                try {
                    return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return address;
    }
}
