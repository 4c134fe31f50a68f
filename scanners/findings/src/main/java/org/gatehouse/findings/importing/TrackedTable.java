package org.gatehouse.findings.importing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scope's tracked findings as {@link TrackedFindings} reads them, in a few arrays: their stored fingerprints in
 * COPY's text format (UTF-8) end to end, found by an FNV-1a hash with open addressing and compared byte for byte; ids
 * as PostgreSQL prints them; states and first releases as small indexes (ADR 0007, third amendment). A snapshot of
 * 70,000 findings held as maps of strings was about 350,000 objects living through the whole upload, copied by each
 * young collection and then promoted, which made re-imports pay for old-generation collections; these arrays are
 * copied at once and never scanned.
 *
 * <p>Filled by one thread, then {@link #seal() sealed} and only read.
 */
final class TrackedTable {
    private static final int ID = 36; // a UUID's text
    private static final String[] STATES = {"NEW", "CONFIRMED", "FIXED_UNVERIFIED", "VERIFIED", "REOPENED",
        "FALSE_POSITIVE", "RISK_ACCEPTED", "SUPPRESSED"};
    private static final byte[][] STATE_TEXT = Arrays.stream(STATES).map(s -> s.getBytes(StandardCharsets.US_ASCII))
            .toArray(byte[][]::new);

    private byte[] keys = new byte[1 << 12];
    private int keysUsed;
    private int[] ends = new int[64]; // where each fingerprint ends in keys; it starts where the one before ends
    private byte[] ids = new byte[64 * ID];
    private byte[] states = new byte[64];
    private int[] releases = new int[64];
    private final List<byte[]> releaseText = new ArrayList<>();
    private final Map<String, Integer> releaseIndex = new HashMap<>();
    private int size;
    private int[] slots; // entry + 1, 0 when free; set by seal()

    /** Adds a finding: its stored fingerprint in COPY's text format, its id, state and first release as printed. */
    void add(String fingerprint, String id, String state, String firstRelease) {
        if (slots != null) {
            throw new IllegalStateException("sealed");
        }
        byte[] key = fingerprint.getBytes(StandardCharsets.UTF_8);
        if (id.length() != ID) {
            throw new IllegalArgumentException("not a UUID: " + id);
        }
        if (size == ends.length) {
            int capacity = size * 2;
            ends = Arrays.copyOf(ends, capacity);
            ids = Arrays.copyOf(ids, capacity * ID);
            states = Arrays.copyOf(states, capacity);
            releases = Arrays.copyOf(releases, capacity);
        }
        if (keysUsed + key.length > keys.length) {
            keys = Arrays.copyOf(keys, Math.max(keys.length * 2, keysUsed + key.length));
        }
        System.arraycopy(key, 0, keys, keysUsed, key.length);
        keysUsed += key.length;
        ends[size] = keysUsed;
        for (int i = 0; i < ID; i++) {
            char c = id.charAt(i);
            if (c >= 0x80) {
                throw new IllegalArgumentException("not a UUID: " + id);
            }
            ids[size * ID + i] = (byte) c;
        }
        states[size] = state(state);
        releases[size] = releaseIndex.computeIfAbsent(firstRelease, release -> {
            releaseText.add(release.getBytes(StandardCharsets.UTF_8));
            return releaseText.size() - 1;
        });
        size++;
    }

    /** Builds the hash index; the table is only read afterwards. */
    TrackedTable seal() {
        int capacity = Integer.highestOneBit(Math.max(4, size) * 2 - 1) << 1; // at most half full
        slots = new int[capacity];
        int mask = capacity - 1;
        for (int entry = 0; entry < size; entry++) {
            int slot = slot(hash(keys, start(entry), ends[entry]), mask);
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = entry + 1;
        }
        return this;
    }

    int size() {
        return size;
    }

    /** The entry whose fingerprint is {@code text[from, to)}, or -1. */
    int find(byte[] text, int from, int to) {
        int mask = slots.length - 1;
        for (int slot = slot(hash(text, from, to), mask); slots[slot] != 0; slot = (slot + 1) & mask) {
            int entry = slots[slot] - 1;
            if (Arrays.equals(keys, start(entry), ends[entry], text, from, to)) {
                return entry;
            }
        }
        return -1;
    }

    /** Appends the entry's id, state, {@code f} (not created) and first release, tab-separated, to {@code row}. */
    void appendTracked(int entry, Bytes row) {
        row.put(ids, entry * ID, ID).put('\t');
        byte[] state = STATE_TEXT[states[entry]];
        row.put(state, 0, state.length).put('\t').put('f').put('\t');
        byte[] release = releaseText.get(releases[entry]);
        row.put(release, 0, release.length);
    }

    private int start(int entry) {
        return entry == 0 ? 0 : ends[entry - 1];
    }

    private static byte state(String state) {
        for (byte i = 0; i < STATES.length; i++) {
            if (STATES[i].equals(state)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a finding state: " + state);
    }

    private static long hash(byte[] text, int from, int to) {
        long hash = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            hash ^= text[i] & 0xFF;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    private static int slot(long hash, int mask) {
        return (int) (hash ^ (hash >>> 29)) & mask;
    }

    /** A growing byte buffer: the rows of {@code import_seen}. */
    static final class Bytes {
        private byte[] bytes;
        private int used;

        Bytes(int capacity) {
            bytes = new byte[Math.max(capacity, 16)];
        }

        Bytes put(byte[] from, int offset, int length) {
            ensure(length);
            System.arraycopy(from, offset, bytes, used, length);
            used += length;
            return this;
        }

        Bytes put(char ascii) {
            ensure(1);
            bytes[used++] = (byte) ascii;
            return this;
        }

        Bytes put(String ascii) {
            ensure(ascii.length());
            for (int i = 0; i < ascii.length(); i++) {
                bytes[used++] = (byte) ascii.charAt(i);
            }
            return this;
        }

        java.io.InputStream stream() {
            return new java.io.ByteArrayInputStream(bytes, 0, used);
        }

        private void ensure(int more) {
            if (used + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + more));
            }
        }
    }
}
