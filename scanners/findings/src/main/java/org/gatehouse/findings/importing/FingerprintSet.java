package org.gatehouse.findings.importing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The distinct fingerprints of one report, kept as the first 128 bits of their SHA-256 in an
 * open-addressing table: 32 bytes per fingerprint at most, whatever its length, so a 200 MB report
 * fits in a few MB of heap. Two fingerprints that differ share 128 bits with a probability of about
 * n²/2¹²⁹ (10⁻²⁸ for a million): far below any other cause of a wrong result.
 */
final class FingerprintSet {
    private static final MessageDigest SHA256;

    static {
        try {
            SHA256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private final MessageDigest sha256 = copy();
    private long[] slots = new long[2 * 1024]; // pairs of (high, low); (0, 0) is free
    private int size;
    private boolean zero; // the one key that cannot be stored in a slot

    /** The 128-bit key of a fingerprint. */
    record Key(long high, long low) {
    }

    Key key(String fingerprint) {
        byte[] hash = sha256.digest(fingerprint.getBytes(StandardCharsets.UTF_8));
        return new Key(bits(hash, 0), bits(hash, 8));
    }

    /** Adds the key; whether it was new. */
    boolean add(Key key) {
        if (key.high() == 0 && key.low() == 0) {
            boolean added = !zero;
            zero = true;
            return added;
        }
        if ((size + 1) * 4L > (slots.length / 2) * 3L) {
            grow();
        }
        if (!insert(slots, key.high(), key.low())) {
            return false;
        }
        size++;
        return true;
    }

    int size() {
        return size + (zero ? 1 : 0);
    }

    private static boolean insert(long[] table, long high, long low) {
        int mask = table.length / 2 - 1;
        int i = (int) (low ^ (low >>> 32)) & mask;
        while (true) {
            long h = table[2 * i];
            long l = table[2 * i + 1];
            if (h == 0 && l == 0) {
                table[2 * i] = high;
                table[2 * i + 1] = low;
                return true;
            }
            if (h == high && l == low) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (int i = 0; i < slots.length; i += 2) {
            if (slots[i] != 0 || slots[i + 1] != 0) {
                insert(bigger, slots[i], slots[i + 1]);
            }
        }
        slots = bigger;
    }

    private static long bits(byte[] hash, int from) {
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = (value << 8) | (hash[i] & 0xff);
        }
        return value;
    }

    private static MessageDigest copy() {
        try {
            return (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException again) {
                throw new IllegalStateException("the JDK lacks SHA-256", again);
            }
        }
    }
}
