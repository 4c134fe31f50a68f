package org.gatehouse.findings.importing;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.gatehouse.scanner.api.ReportedFinding;

/**
 * The distinct fingerprints of an import's occurrences, each with its representative's ordinal and whether every
 * occurrence is suppressed at the source, gathered while the report arrives (issue 4, ADR 0007): the rows of the
 * reconciliation's {@code import_groups}, copied in once the occurrences are, instead of grouping the occurrences in
 * SQL after the upload (measured: 0.37–0.45 s of the database for 100,000 results, most of it reading back rows just
 * written). The same rows as the SQL: the first occurrence not suppressed at the source represents a fingerprint.
 * Bounded: beyond {@value #MAX_BYTES} bytes of rows, or too many fingerprints waiting for an occurrence not
 * suppressed ({@link Representatives}), it gives up and the grouping is done in SQL.
 */
final class OccurrenceGroups implements Consumer<ReportedFinding> {
    static final int MAX_BYTES = 32 << 20;
    private static final int CHUNK = 256 * 1024;

    private record Occurrence(String fingerprint, int ordinal) {
    }

    private final Representatives<Occurrence> representatives = new Representatives<>(this::row);
    /** The rows in chunks of {@value #CHUNK} bytes: no array of them all, no copy when they grow. */
    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] chunk = new byte[CHUNK];
    private int used;
    private long size;
    private final StringBuilder row = new StringBuilder(256);
    private int ordinal;
    private boolean givenUp;

    @Override
    public void accept(ReportedFinding finding) {
        ordinal++; // as OccurrenceCopy numbers them
        if (!givenUp) {
            String fingerprint = OccurrenceCopy.stored(finding);
            if (!representatives.offer(fingerprint, finding.suppression().isPresent(), new Occurrence(fingerprint, ordinal))) {
                giveUp();
            }
        }
    }

    /** The rows of {@code import_groups} (fingerprint, ordinal, suppressed) in COPY's text format, unless given up. */
    Optional<InputStream> finish() {
        if (givenUp || !representatives.finish() || givenUp) {
            return Optional.empty();
        }
        List<InputStream> parts = new ArrayList<>();
        chunks.forEach(full -> parts.add(new ByteArrayInputStream(full)));
        parts.add(new ByteArrayInputStream(chunk, 0, used));
        return Optional.of(new SequenceInputStream(Collections.enumeration(parts)));
    }

    private void row(Occurrence occurrence, boolean suppressed) {
        if (givenUp) {
            return;
        }
        row.setLength(0);
        CopyText.escape(row, occurrence.fingerprint(), CopyText.MAX_SHORT);
        row.append('\t').append(occurrence.ordinal()).append('\t').append(suppressed ? 't' : 'f').append('\n');
        byte[] bytes = row.toString().getBytes(StandardCharsets.UTF_8);
        size += bytes.length;
        if (size > MAX_BYTES) {
            giveUp();
            return;
        }
        for (int from = 0; from < bytes.length;) {
            if (used == CHUNK) {
                chunks.add(chunk);
                chunk = new byte[CHUNK];
                used = 0;
            }
            int n = Math.min(bytes.length - from, CHUNK - used);
            System.arraycopy(bytes, from, chunk, used, n);
            used += n;
            from += n;
        }
    }

    private void giveUp() {
        givenUp = true;
        chunks.clear();
        chunk = new byte[0];
        used = 0;
    }
}
