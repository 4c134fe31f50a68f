package org.gatehouse.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * A CIDR range of literal addresses ({@code 10.1.0.0/16}, {@code ::1/128}; a bare address is its own
 * range). An IPv4 range never contains an IPv6 address and the reverse; IPv4-mapped IPv6 addresses are
 * turned into their IPv4 address by {@link EgressPolicy} before they are compared.
 */
public final class AddressRange {
    private final byte[] network;
    private final int bits;

    private AddressRange(byte[] network, int bits) {
        this.network = network;
        this.bits = bits;
    }

    /** @throws IllegalArgumentException when the text is not a literal address with an optional prefix length */
    public static AddressRange parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        int slash = trimmed.indexOf('/');
        String host = slash < 0 ? trimmed : trimmed.substring(0, slash);
        if (!host.matches("[0-9a-fA-F:.]+") || host.indexOf(':') < 0 && !host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new IllegalArgumentException("not an address range (literal addresses only): " + text);
        }
        try {
            // a literal: getByName parses it and never asks DNS
            byte[] network = InetAddress.getByName(host).getAddress();
            int bits = slash < 0 ? network.length * 8 : Integer.parseInt(trimmed.substring(slash + 1));
            if (bits < 0 || bits > network.length * 8) {
                throw new IllegalArgumentException("prefix out of range: " + text);
            }
            return new AddressRange(network, bits);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("not an address range: " + text, e);
        }
    }

    public boolean contains(InetAddress address) {
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

    @Override
    public boolean equals(Object other) {
        return other instanceof AddressRange r && r.bits == bits && Arrays.equals(r.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + bits;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + bits;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
