package org.gatehouse.scanner.core.secrets;

import java.io.IOException;
import java.io.InputStream;

/**
 * Lines of any byte stream, binary or huge, in bounded memory (hostile input: a 1 GiB line, a binary
 * file without newlines): bytes are read as ISO-8859-1 (every byte one char; the patterns are ASCII),
 * a line longer than {@link #MAX_LINE} is handed over in pieces of that size with the same line number
 * (a piece boundary may cut a secret in two: the check then misses it, which ADR 0022 accepts), and
 * {@code \r\n}, {@code \n} and {@code \r} end a line.
 */
final class BoundedLines {
    static final int MAX_LINE = 16 * 1024;

    /** Receives each line (or piece of a long line) with its 1-based number. */
    @FunctionalInterface
    interface LineSink {
        void line(int number, String text);
    }

    private BoundedLines() {
    }

    static void read(InputStream in, LineSink sink) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        char[] line = new char[MAX_LINE];
        int length = 0;
        int number = 1;
        boolean afterCr = false;
        for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
            for (int i = 0; i < n; i++) {
                char c = (char) (buffer[i] & 0xff);
                if (c == '\n' && afterCr) {
                    afterCr = false;
                    continue;
                }
                afterCr = c == '\r';
                if (c == '\n' || c == '\r') {
                    sink.line(number, new String(line, 0, length));
                    length = 0;
                    number = number == Integer.MAX_VALUE ? number : number + 1;
                } else {
                    if (length == MAX_LINE) {
                        sink.line(number, new String(line, 0, length));
                        length = 0;
                    }
                    line[length++] = c;
                }
            }
        }
        if (length > 0) {
            sink.line(number, new String(line, 0, length));
        }
    }
}
