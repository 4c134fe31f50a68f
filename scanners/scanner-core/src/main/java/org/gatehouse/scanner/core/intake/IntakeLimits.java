package org.gatehouse.scanner.core.intake;

/**
 * The bounds of one report upload (7.8.3-ds: process uploads safely).
 *
 * <p>Defaults ({@link #defaults()}), chosen for CI reports that are text and compress well:
 * <ul>
 *   <li>{@code maxUploadBytes} = 200 MiB: the bytes as uploaded (compressed or not); reading stops at
 *       the first byte over it.</li>
 *   <li>{@code maxUncompressedBytes} = 1 GiB: the report after decompressing a {@code .gz} or the one
 *       {@code .zip} entry.</li>
 *   <li>{@code maxCompressionRatio} = 100: the decompressed report may be at most this many times the
 *       size of the whole upload. Real SARIF/XML/JSON reports compress 5 to 30 times; a bomb of
 *       zeros about 1000 times. Both bounds are checked while decompressing, so a bomb is stopped
 *       after at most {@code min(maxUncompressedBytes, ratio * upload)} bytes written.</li>
 *   <li>{@code maxZipEntries} = 16: entries of any kind in a zip (directory entries included, as
 *       {@code zip -r} writes them); exactly one of them must be a regular file, the report.</li>
 * </ul>
 */
public record IntakeLimits(long maxUploadBytes, long maxUncompressedBytes, int maxCompressionRatio, int maxZipEntries) {
    private static final long MIB = 1024L * 1024;
    private static final IntakeLimits DEFAULTS = new IntakeLimits(200 * MIB, 1024 * MIB, 100, 16);

    public IntakeLimits {
        if (maxUploadBytes < 1 || maxUncompressedBytes < 1 || maxCompressionRatio < 1 || maxZipEntries < 1) {
            throw new IllegalArgumentException("every intake limit is positive: " + maxUploadBytes + ", "
                    + maxUncompressedBytes + ", " + maxCompressionRatio + ", " + maxZipEntries);
        }
    }

    /** 200 MiB upload, 1 GiB uncompressed, ratio 100, 16 zip entries. */
    public static IntakeLimits defaults() {
        return DEFAULTS;
    }

    public IntakeLimits withMaxUploadBytes(long bytes) {
        return new IntakeLimits(bytes, maxUncompressedBytes, maxCompressionRatio, maxZipEntries);
    }

    public IntakeLimits withMaxUncompressedBytes(long bytes) {
        return new IntakeLimits(maxUploadBytes, bytes, maxCompressionRatio, maxZipEntries);
    }

    public IntakeLimits withMaxCompressionRatio(int ratio) {
        return new IntakeLimits(maxUploadBytes, maxUncompressedBytes, ratio, maxZipEntries);
    }

    public IntakeLimits withMaxZipEntries(int entries) {
        return new IntakeLimits(maxUploadBytes, maxUncompressedBytes, maxCompressionRatio, entries);
    }

    /** The most bytes an upload of this size may expand to by the ratio (saturating). */
    long ratioCeiling(long uploadedBytes) {
        try {
            return Math.multiplyExact(uploadedBytes, (long) maxCompressionRatio);
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }
}
