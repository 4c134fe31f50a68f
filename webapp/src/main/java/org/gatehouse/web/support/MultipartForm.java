package org.gatehouse.web.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;

/**
 * A streaming reader of {@code multipart/form-data} (RFC 7578): each part's content is read straight
 * from the request, so a 200 MB report is never buffered in memory nor copied to a temporary file
 * before the intake stores it (Jersey's multipart support spools every part to disk first, which
 * cost 0.5 s per 50 MB upload). Part headers are bounded (16 KiB); anything malformed is a 400.
 */
public final class MultipartForm {
    private static final int HEADER_LIMIT = 16 * 1024;
    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(\"([^\"]{1,70})\"|([^;\\s]{1,70}))");
    private static final Pattern NAME = Pattern.compile("(?i);\\s*name=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("(?i);\\s*filename=\"([^\"]*)\"");

    private final InputStream in;
    private final byte[] delimiter;
    /** How far the delimiter's window may move on after a mismatch, by the window's last byte (Horspool). */
    private final int[] shift = new int[256];
    private final byte[] buffer = new byte[128 * 1024];
    private int position;
    private int limit;
    /** Below this index the buffer holds no delimiter start (scanned once, not again on every read). */
    private int clearUntil;
    private boolean finished;
    private Part current;

    /** One part: its field name, its file name if it is a file, and its content. */
    public record Part(String name, Optional<String> fileName, InputStream content) {
    }

    public MultipartForm(InputStream in, String contentType) {
        this.in = in;
        Matcher matcher = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (!matcher.find()) {
            throw new Malformed();
        }
        String boundary = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        Arrays.fill(shift, delimiter.length);
        for (int j = 0; j < delimiter.length - 1; j++) {
            shift[delimiter[j] & 0xff] = delimiter.length - 1 - j;
        }
        // the body starts with "--boundary" (after an optional preamble): read it as if a CRLF came first
        buffer[0] = '\r';
        buffer[1] = '\n';
        limit = 2;
    }

    /** The next part, once the previous one's content has been read or skipped; empty after the last. */
    public Optional<Part> next() throws IOException {
        if (current != null) {
            current.content().transferTo(OutputStreamSink.INSTANCE);
        } else {
            skipToDelimiter();
        }
        if (finished) {
            return Optional.empty();
        }
        // after the delimiter: "--" ends the form, CRLF starts a part
        fill(2);
        if (limit - position >= 2 && buffer[position] == '-' && buffer[position + 1] == '-') {
            finished = true;
            return Optional.empty();
        }
        expect('\r', '\n');
        String headers = readHeaders();
        String disposition = headers.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-disposition:"))
                .findFirst().orElseThrow(Malformed::new);
        Matcher name = NAME.matcher(disposition);
        if (!name.find()) {
            throw new Malformed();
        }
        Matcher file = FILE_NAME.matcher(disposition);
        current = new Part(name.group(1), file.find() ? Optional.of(file.group(1)) : Optional.empty(), new PartStream());
        return Optional.of(current);
    }

    /** A text field's value as UTF-8, refused when longer than {@code maxChars}. */
    public static String text(Part part, int maxChars) throws IOException {
        byte[] value = part.content().readNBytes(maxChars * 4 + 1);
        String text = new String(value, StandardCharsets.UTF_8);
        if (value.length > maxChars * 4 || part.content().read() >= 0 || text.length() > maxChars) {
            throw new FieldTooLong(part.name(), maxChars);
        }
        return text;
    }

    private void skipToDelimiter() throws IOException {
        PartStream preamble = new PartStream();
        preamble.transferTo(OutputStreamSink.INSTANCE);
    }

    private String readHeaders() throws IOException {
        StringBuilder text = new StringBuilder();
        while (true) {
            fill(1);
            if (position >= limit) {
                throw new Malformed();
            }
            text.append((char) (buffer[position++] & 0xff));
            int n = text.length();
            if (n >= 4 && text.charAt(n - 4) == '\r' && text.charAt(n - 3) == '\n' && text.charAt(n - 2) == '\r'
                    && text.charAt(n - 1) == '\n') {
                // header values are ASCII or UTF-8 (file names): decode the raw bytes as UTF-8
                byte[] raw = new byte[n - 4];
                for (int i = 0; i < raw.length; i++) {
                    raw[i] = (byte) text.charAt(i);
                }
                return new String(raw, StandardCharsets.UTF_8);
            }
            if (n > HEADER_LIMIT) {
                throw new Malformed();
            }
        }
    }

    private void expect(char first, char second) throws IOException {
        fill(2);
        if (limit - position < 2 || buffer[position] != first || buffer[position + 1] != second) {
            throw new Malformed();
        }
        position += 2;
    }

    /** Makes at least {@code wanted} bytes available when the stream has them. */
    private void fill(int wanted) throws IOException {
        if (limit - position >= wanted) {
            return;
        }
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        limit -= position;
        clearUntil -= position;
        position = 0;
        while (limit < wanted) {
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                return;
            }
            limit += n;
        }
    }

    /** The content of one part: the bytes up to the next delimiter, which it then consumes. */
    private final class PartStream extends InputStream {
        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (ended) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            while (true) {
                if (clearUntil <= position) {
                    if (limit - position < delimiter.length) {
                        // as much as has arrived, at least a delimiter's length: not more, or a small form would
                        // wait for its end before its first part is read
                        fill(delimiter.length);
                        if (limit - position < delimiter.length) {
                            throw new Malformed(); // the stream ended inside a part
                        }
                    }
                    int found = indexOfDelimiter();
                    if (found == position) {
                        position += delimiter.length;
                        ended = true;
                        return -1;
                    }
                    clearUntil = found >= 0 ? found : limit - delimiter.length + 1;
                    if (clearUntil <= position) {
                        // only a possible start of the delimiter is buffered: read more
                        int buffered = limit - position;
                        fill(buffered + 1);
                        if (limit - position <= buffered) {
                            throw new Malformed(); // the stream ended inside a part
                        }
                        continue;
                    }
                }
                int n = Math.min(length, clearUntil - position);
                System.arraycopy(buffer, position, target, offset, n);
                position += n;
                return n;
            }
        }

        /**
         * The first delimiter at or after {@code position}, or -1. Horspool's search: the window moves on by up to the
         * delimiter's length (about 40 bytes) at a time instead of one, over the 200 MB a report upload may bring.
         */
        private int indexOfDelimiter() {
            int m = delimiter.length;
            byte lastByte = delimiter[m - 1];
            for (int i = position; i <= limit - m; ) {
                byte tail = buffer[i + m - 1];
                if (tail == lastByte && Arrays.equals(buffer, i, i + m - 1, delimiter, 0, m - 1)) {
                    return i;
                }
                i += shift[tail & 0xff];
            }
            return -1;
        }
    }

    /** Discards what it is given (skipping a part). */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
            // discarded
        }

        @Override
        public void write(byte[] b, int off, int len) {
            // discarded
        }
    }

    /** The body is not the multipart form its content type says. */
    public static final class Malformed extends DomainException {
        private static final long serialVersionUID = 1L;

        Malformed() {
            super(ProblemType.MALFORMED_REQUEST, "multipart.malformed");
        }
    }

    /** A text field of the form is too long. */
    public static final class FieldTooLong extends DomainException {
        private static final long serialVersionUID = 1L;

        FieldTooLong(String field, int max) {
            super(ProblemType.VALIDATION_FAILED, "multipart.field-too-long", field, max);
        }
    }
}
