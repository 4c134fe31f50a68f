package org.gatehouse.scanner.api;

import java.io.IOException;
import java.io.InputStream;

/**
 * How a report begins: its first byte that is neither white space nor part of a UTF-8 byte order
 * mark, and where that byte stands. Plugins that read more than one format tell them apart by it,
 * and say where a report of another format goes wrong.
 *
 * @param firstByte the byte, {@code -1} for a report with nothing else, {@code 0} when the first
 *     {@value #LOOK_AHEAD} bytes are all blank
 */
public record ReportStart(int firstByte, ReportParseException.Position position) {
    /** How far a report is looked into. */
    public static final int LOOK_AHEAD = 8192;

    /**
     * Reads the start of a report and resets the stream to where it was.
     *
     * @param in a stream that supports {@link InputStream#mark(int)} (a {@code BufferedInputStream})
     */
    public static ReportStart peek(InputStream in) throws IOException {
        if (!in.markSupported()) {
            throw new IllegalArgumentException("a stream that can be reset is needed");
        }
        in.mark(LOOK_AHEAD);
        try {
            long line = 1;
            long column = 1;
            for (int i = 0; i < LOOK_AHEAD; i++) {
                int b = in.read();
                if (b == -1 || !(Character.isWhitespace(b) || b == 0xEF || b == 0xBB || b == 0xBF)) {
                    return new ReportStart(b, new ReportParseException.Position(line, column));
                }
                if (b == '\n') {
                    line++;
                    column = 1;
                } else if (b != 0xEF && b != 0xBB && b != 0xBF) {
                    column++;
                }
            }
            return new ReportStart(0, new ReportParseException.Position(line, column));
        } finally {
            in.reset();
        }
    }

    /** The report holds nothing but blanks. */
    public boolean empty() {
        return firstByte == -1;
    }
}
