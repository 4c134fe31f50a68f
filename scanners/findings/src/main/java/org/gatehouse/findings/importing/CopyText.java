package org.gatehouse.findings.importing;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.OptionalInt;
import org.postgresql.copy.CopyIn;

/**
 * Rows in PostgreSQL's {@code COPY} text format, sent in 1 MB batches: the writer shared by the
 * occurrences' and the new findings' streams of an import. Text is cut to column-friendly lengths
 * (never inside a surrogate pair) and stripped of NUL, which PostgreSQL text cannot hold.
 */
final class CopyText {
    static final int MAX_TEXT = 64 * 1024;
    static final int MAX_SHORT = 2000;
    private static final int FLUSH_AT = 1 << 20;

    private final CopyIn copy;
    private final StringBuilder row = new StringBuilder(4096);
    private byte[] buffer = new byte[FLUSH_AT + 65536];
    private int used;
    private int rows;

    CopyText(CopyIn copy) {
        this.copy = copy;
    }

    /** Starts a row with its first value, already in the text format (a number, a UUID). */
    CopyText first(Object value) {
        row.setLength(0);
        row.append(value);
        return this;
    }

    /** A value already in the text format (a number, a UUID, a timestamp), never {@code null}. */
    CopyText plain(Object value) {
        row.append('\t').append(value);
        return this;
    }

    /** A text value, escaped and cut to {@code max} characters; {@code null} is SQL NULL. */
    CopyText text(String value, int max) {
        row.append('\t');
        if (value == null) {
            row.append("\\N");
            return this;
        }
        escape(row, value, max);
        return this;
    }

    /** Appends {@code value} in the text format, cut to {@code max} characters, without NUL. */
    static void escape(StringBuilder row, String value, int max) {
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

    CopyText number(OptionalInt value) {
        row.append('\t');
        if (value.isPresent()) {
            row.append(value.getAsInt());
        } else {
            row.append("\\N");
        }
        return this;
    }

    /** {@code count} SQL NULLs. */
    CopyText nulls(int count) {
        for (int i = 0; i < count; i++) {
            row.append("\t\\N");
        }
        return this;
    }

    /** Ends the row and queues it. */
    void end() {
        row.append('\n');
        rows++;
        byte[] bytes = row.toString().getBytes(StandardCharsets.UTF_8);
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

    /** Rows ended so far. */
    int rows() {
        return rows;
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

    private void flush() {
        if (used == 0) {
            return;
        }
        try {
            copy.writeToCopy(buffer, 0, used);
        } catch (SQLException e) {
            throw new Failed(e);
        }
        used = 0;
    }

    /** The database refused the stream (carried through the plugin's sink). */
    static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failed(SQLException cause) {
            super(cause);
        }

        SQLException sqlCause() {
            return (SQLException) getCause();
        }
    }
}
