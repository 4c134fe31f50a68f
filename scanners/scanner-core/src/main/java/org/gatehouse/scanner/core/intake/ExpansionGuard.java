package org.gatehouse.scanner.core.intake;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The bomb guards of {@link ReportIntake} for a reader that walks a whole archive instead of
 * extracting its one report (the secrets check over test fixtures and build artifacts, C.2/8.5.2):
 * the same {@link IntakeLimits} — total decompressed bytes, the ratio to the upload, the number of
 * zip entries — counted over every entry together and checked after every read, so a bomb stops
 * early. Refusals are {@link ArchiveRejected}. One instance per upload; not thread-safe.
 */
public final class ExpansionGuard {
    private final IntakeLimits limits;
    private final long ceiling;
    private long total;
    private int entries;

    /** A guard for an upload of {@code uploadedBytes} as received (compressed). */
    public ExpansionGuard(IntakeLimits limits, long uploadedBytes) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.ceiling = limits.ratioCeiling(Math.max(1, uploadedBytes));
    }

    /** Counts one more archive entry (directories included, as for reports). */
    public void entry() {
        entries++;
        if (entries > limits.maxZipEntries()) {
            throw ArchiveRejected.tooManyEntries(entries, limits.maxZipEntries());
        }
    }

    /** The decompressed bytes read so far through {@link #guard}. */
    public long total() {
        return total;
    }

    /** A stream that counts what it yields against the limits; closing it does not close {@code in}. */
    public InputStream guard(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            @Override
            public void close() {
                // the archive stream belongs to the caller
            }
        };
    }

    private void count(int n) {
        total += n;
        if (total > limits.maxUncompressedBytes()) {
            throw ArchiveRejected.tooLarge(limits.maxUncompressedBytes());
        }
        if (total > ceiling) {
            throw ArchiveRejected.ratio(limits.maxCompressionRatio());
        }
    }

    /** Refuses an archive whose content is corrupt (for walkers that read it themselves). */
    public static ArchiveRejected corrupt(String format) {
        return ArchiveRejected.corrupt(format);
    }

    /** Refuses an encrypted zip. */
    public static ArchiveRejected encrypted() {
        return ArchiveRejected.encrypted();
    }
}
