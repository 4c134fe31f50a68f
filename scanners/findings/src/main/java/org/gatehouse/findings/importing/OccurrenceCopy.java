package org.gatehouse.findings.importing;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Consumer;
import org.gatehouse.scanner.api.Location;
import org.gatehouse.scanner.api.ReportedFinding;
import org.postgresql.copy.CopyIn;

/**
 * Streams reported findings into {@code finding_occurrence} with PostgreSQL's {@code COPY} (text
 * format), one row per result, as the plugin hands them over: memory stays flat whatever the
 * report's size. Text is cut to column-friendly lengths and stripped of NUL, which PostgreSQL text
 * cannot hold.
 */
final class OccurrenceCopy implements Consumer<ReportedFinding> {
    static final String SQL = "COPY finding_occurrence (import_id, ordinal, fingerprint_key, fingerprint, tool, tool_version, rule_id, title,"
            + " severity, cwe, path, start_line, end_line, logical, url, http_method, parameter, description, suppression)"
            + " FROM STDIN (FORMAT text)";
    private static final int FLUSH_AT = 1 << 20;
    private static final int MAX_TEXT = 64 * 1024;
    private static final int MAX_SHORT = 2000;

    private final CopyIn copy;
    private final String importId;
    private final StringBuilder row = new StringBuilder(4096);
    private byte[] buffer = new byte[FLUSH_AT + 65536];
    private int used;
    private int ordinal;

    OccurrenceCopy(CopyIn copy, UUID importId) {
        this.copy = copy;
        this.importId = importId.toString();
    }

    @Override
    public void accept(ReportedFinding finding) {
        row.setLength(0);
        String fingerprint = stored(finding.fingerprint().scheme() + ":" + finding.fingerprint().value());
        row.append(importId).append('\t').append(++ordinal).append('\t').append(FingerprintKey.of(fingerprint));
        field(fingerprint, MAX_SHORT);
        field(finding.tool(), MAX_SHORT);
        field(finding.toolVersion(), MAX_SHORT);
        field(finding.ruleId(), MAX_SHORT);
        field(finding.title(), MAX_SHORT);
        field(finding.severity().name(), MAX_SHORT);
        number(finding.cwe().map(OptionalInt::of).orElse(OptionalInt.empty()));
        Location location = finding.location();
        if (location instanceof Location.Code code) {
            field(code.path(), MAX_SHORT);
            number(code.startLine());
            number(code.endLine());
            field(code.logical().orElse(null), MAX_SHORT);
            row.append("\t\\N\t\\N\t\\N");
        } else if (location instanceof Location.Url url) {
            row.append("\t\\N\t\\N\t\\N\t\\N");
            field(url.url(), MAX_SHORT);
            field(url.method().orElse(null), MAX_SHORT);
            field(url.parameter().orElse(null), MAX_SHORT);
        } else {
            row.append("\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N");
        }
        field(finding.description(), MAX_TEXT);
        field(finding.suppression().map(s -> s.kind() + s.justification().map(j -> ": " + j).orElse("")).orElse(null),
                MAX_SHORT);
        row.append('\n');
        append(row);
    }

    /** A fingerprint as stored: NUL removed and at most {@value #MAX_SHORT} characters, like every short field. */
    static String stored(String fingerprint) {
        String clean = fingerprint.indexOf('\0') < 0 ? fingerprint : fingerprint.replace("\0", "");
        return clean.length() > MAX_SHORT ? clean.substring(0, MAX_SHORT) : clean;
    }

    /** Rows written so far. */
    int rows() {
        return ordinal;
    }

    /** Sends what is buffered and ends the COPY; returns the rows PostgreSQL took. */
    long finish() throws SQLException {
        flush();
        return copy.endCopy();
    }

    /** Abandons the COPY (the transaction is rolled back anyway). */
    void cancel() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the rollback that follows ends it
        }
    }

    private void field(String value, int max) {
        row.append('\t');
        if (value == null) {
            row.append("\\N");
            return;
        }
        int length = Math.min(value.length(), max);
        if (length > 0 && Character.isHighSurrogate(value.charAt(length - 1))) {
            length--; // do not cut a surrogate pair in half
        }
        int plain = 0;
        while (plain < length && value.charAt(plain) >= ' ' && value.charAt(plain) != '\\') {
            plain++;
        }
        row.append(value, 0, plain); // most text needs no escaping: one copy instead of one append per character
        for (int i = plain; i < length; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> row.append("\\\\");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                case '\t' -> row.append("\\t");
                case '\0' -> {
                    // PostgreSQL text cannot hold NUL
                }
                default -> row.append(c);
            }
        }
    }

    private void number(OptionalInt value) {
        row.append('\t');
        if (value.isPresent()) {
            row.append(value.getAsInt());
        } else {
            row.append("\\N");
        }
    }

    private void append(CharSequence text) {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        if (used + bytes.length > buffer.length) {
            flush();
            if (bytes.length > buffer.length) {
                buffer = new byte[bytes.length];
            }
        }
        System.arraycopy(bytes, 0, buffer, used, bytes.length);
        used += bytes.length;
        if (used >= FLUSH_AT) {
            flush();
        }
    }

    private void flush() {
        if (used == 0) {
            return;
        }
        try {
            copy.writeToCopy(buffer, 0, used);
        } catch (SQLException e) {
            throw new CopyFailed(e);
        }
        used = 0;
    }

    /** The database refused the stream (carried through the plugin's sink). */
    static final class CopyFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CopyFailed(SQLException cause) {
            super(cause);
        }

        SQLException sqlCause() {
            return (SQLException) getCause();
        }
    }
}
