package org.gatehouse.identity.token;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A source address range of an API token (7.8.3-dm: authorise the source): an IPv4 or IPv6 address
 * with an optional prefix length ({@code 203.0.113.0/24}, {@code 2001:db8::/32}, {@code 192.0.2.7}).
 * Only literals are accepted, so parsing never asks DNS; an IPv4-mapped IPv6 address is its IPv4 address.
 */
public final class SourceRange {
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private final byte[] network;
    private final int prefix;

    private SourceRange(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /** The range, or empty when the text is not an address literal with a fitting prefix. */
    public static Optional<SourceRange> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        Optional<byte[]> bytes = literal(address);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        int bits = bytes.get().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = value.substring(slash + 1);
            if (!length.matches("[0-9]{1,3}")) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(length);
            if (prefix > bits) {
                return Optional.empty();
            }
        }
        return Optional.of(new SourceRange(mask(bytes.get(), prefix), prefix));
    }

    /** Whether the address (a literal; anything else is outside) lies in this range. */
    public boolean contains(String address) {
        Optional<byte[]> bytes = literal(address == null ? "" : address.strip());
        return bytes.isPresent() && bytes.get().length == network.length
                && java.util.Arrays.equals(mask(bytes.get(), prefix), network);
    }

    private static Optional<byte[]> literal(String address) {
        if (!LITERAL.matcher(address).matches() || address.indexOf(':') < 0 && address.chars().filter(c -> c == '.').count() != 3) {
            return Optional.empty();
        }
        try {
            // a literal of only hex digits, colons and dots: InetAddress parses it without a lookup
            return Optional.of(InetAddress.getByName(address).getAddress());
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            masked[i] &= (byte) (0xff << (8 - keep));
        }
        return masked;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            return new BigInteger(1, network).toString(16) + "/" + prefix;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SourceRange range && range.prefix == prefix && java.util.Arrays.equals(range.network, network);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(network) * 31 + prefix;
    }
}
