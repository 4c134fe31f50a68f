package org.gatehouse.findings.importing;

/**
 * The 64-bit index key of a stored fingerprint ({@code finding_occurrence.fingerprint_key}):
 * FNV-1a over its characters. Only an index key: every lookup compares the full fingerprint too,
 * so a collision costs a row read, never a wrong match.
 */
public final class FingerprintKey {
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private FingerprintKey() {
    }

    public static long of(String fingerprint) {
        long hash = OFFSET;
        for (int i = 0; i < fingerprint.length(); i++) {
            hash ^= fingerprint.charAt(i);
            hash *= PRIME;
        }
        return hash;
    }
}
