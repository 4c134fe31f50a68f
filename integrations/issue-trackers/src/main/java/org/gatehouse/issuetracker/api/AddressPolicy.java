package org.gatehouse.issuetracker.api;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The outbound address policy (SSRF guard): a tracker URL must be http or https without user info,
 * and every address its host resolves to must be public, unless it lies in an allowed range
 * ({@code gatehouse.trackers.allowed-addresses}, CIDR). Loopback, private (RFC 1918, ULA), link-local
 * (cloud metadata), carrier-grade NAT, multicast and unspecified addresses are refused by default.
 * Checked when a connection is saved and before every request (the name may resolve differently later).
 */
public final class AddressPolicy {
    private final List<Range> allowed;

    private AddressPolicy(List<Range> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** Public addresses only. */
    public static AddressPolicy publicOnly() {
        return new AddressPolicy(List.of());
    }

    /** Public addresses and these ranges ({@code 127.0.0.0/8}, {@code ::1/128}, {@code 10.1.2.3}); comma-separated. */
    public static AddressPolicy allowing(String ranges) {
        List<Range> parsed = new ArrayList<>();
        for (String part : ranges == null ? new String[0] : ranges.split(",")) {
            if (!part.isBlank()) {
                parsed.add(Range.parse(part.strip()));
            }
        }
        return new AddressPolicy(parsed);
    }

    /** Refuses a URL that is not http(s), carries user info or a fragment, or whose host resolves to a refused address. */
    public void check(URI url) throws TrackerCallFailed {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw refused("only http and https tracker addresses are allowed");
        }
        if (url.getRawUserInfo() != null || url.getHost() == null || url.getRawFragment() != null) {
            throw refused("a tracker address has a host name and no user info or fragment");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(url.getHost());
        } catch (UnknownHostException e) {
            throw new TrackerCallFailed(TrackerCallFailed.Problem.UNREACHABLE, "unknown host " + url.getHost());
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address) && allowed.stream().noneMatch(r -> r.contains(address))) {
                throw refused("the tracker's host " + url.getHost() + " resolves to a non-public address ("
                        + address.getHostAddress() + "); allow it with gatehouse.trackers.allowed-addresses");
            }
        }
    }

    private static TrackerCallFailed refused(String message) {
        return new TrackerCallFailed(TrackerCallFailed.Problem.ADDRESS_REFUSED, message);
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    && !(first == 198 && (second == 18 || second == 19)) // benchmarking
                    && first < 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) { // unique local fc00::/7
                return false;
            }
            boolean v4Mapped = true;
            for (int i = 0; i < 10; i++) {
                v4Mapped &= b[i] == 0;
            }
            if (v4Mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    /** An allowed address range. */
    record Range(byte[] network, int bits) {
        static Range parse(String text) {
            int slash = text.indexOf('/');
            String host = slash < 0 ? text : text.substring(0, slash);
            if (!host.matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException("not an address range (literal addresses only): " + text);
            }
            try {
                byte[] network = InetAddress.getByName(host).getAddress();
                int bits = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
                if (bits < 0 || bits > network.length * 8) {
                    throw new IllegalArgumentException("prefix out of range: " + text);
                }
                return new Range(network, bits);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not an address range: " + text, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (a[full] & mask) == (network[full] & mask);
        }
    }
}
