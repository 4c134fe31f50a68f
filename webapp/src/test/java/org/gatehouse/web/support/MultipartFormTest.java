package org.gatehouse.web.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The streaming multipart/form-data reader of report uploads (RFC 7578). */
class MultipartFormTest {
    static final String BOUNDARY = "----gatehouse-test-7MA4YWxkTrZu0gW";

    static byte[] form(String preamble, byte[] file, String... fields) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(preamble.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                    + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"报告.sarif\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** A stream that hands out at most 7 bytes a read, so delimiters straddle every buffer edge. */
    static InputStream trickling(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7));
            }
        };
    }

    @Test
    void readsFieldsAndAFileOfAnySizeWhateverTheReadSizes() throws IOException {
        byte[] file = new byte[3 * 1024 * 1024 + 17];
        new Random(42).nextBytes(file);
        // a near-miss of the delimiter inside the content must stay content
        byte[] nearMiss = ("\r\n--" + BOUNDARY.substring(0, 20)).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(nearMiss, 0, file, 1000, nearMiss.length);
        for (InputStream in : new InputStream[] {new ByteArrayInputStream(form("", file, "scanner", "sarif", "commit",
                "abcdef1")), trickling(form("preamble to ignore\r\n", file, "scanner", "sarif", "commit", "abcdef1"))}) {
            MultipartForm form = new MultipartForm(in, "multipart/form-data; boundary=" + BOUNDARY);
            MultipartForm.Part scanner = form.next().orElseThrow();
            assertEquals("scanner", scanner.name());
            assertEquals("sarif", new String(scanner.content().readAllBytes(), StandardCharsets.UTF_8));
            MultipartForm.Part commit = form.next().orElseThrow();
            assertEquals("commit", commit.name());
            // not read: next() skips it
            MultipartForm.Part upload = form.next().orElseThrow();
            assertEquals("file", upload.name());
            assertEquals(Optional.of("报告.sarif"), upload.fileName());
            assertArrayEquals(file, upload.content().readAllBytes());
            assertTrue(form.next().isEmpty());
        }
    }

    @Test
    void contentMadeOfEveryPartOfTheDelimiterStaysContent() throws IOException {
        // the delimiter without one of its bytes, and each of its prefixes followed by a wrong byte: windows that the
        // search must neither take for the delimiter nor skip past when the real one follows right after
        String delimiter = "\r\n--" + BOUNDARY;
        StringBuilder content = new StringBuilder();
        for (int i = 1; i < delimiter.length(); i++) {
            content.append(delimiter, 0, i).append(delimiter, i + 1, delimiter.length()).append('x');
            content.append(delimiter, 0, i).append(delimiter.charAt(i) == 'Z' ? 'Y' : 'Z');
        }
        byte[] file = content.append(delimiter, 0, delimiter.length() - 1).toString().getBytes(StandardCharsets.US_ASCII);
        for (InputStream in : new InputStream[] {new ByteArrayInputStream(form("", file)), trickling(form("", file))}) {
            MultipartForm form = new MultipartForm(in, "multipart/form-data; boundary=" + BOUNDARY);
            assertArrayEquals(file, form.next().orElseThrow().content().readAllBytes());
            assertTrue(form.next().isEmpty());
        }
    }

    @Test
    void aQuotedBoundaryAndAnEmptyFileAreFine() throws IOException {
        MultipartForm form = new MultipartForm(new ByteArrayInputStream(form("", new byte[0])),
                "multipart/form-data; charset=utf-8; boundary=\"" + BOUNDARY + "\"");
        MultipartForm.Part upload = form.next().orElseThrow();
        assertEquals(0, upload.content().readAllBytes().length);
        assertTrue(form.next().isEmpty());
    }

    @Test
    void malformedBodiesAreRefused() {
        byte[] whole = form("", "{}".getBytes(StandardCharsets.UTF_8), "scanner", "sarif");
        assertThrows(MultipartForm.Malformed.class, () -> new MultipartForm(new ByteArrayInputStream(whole), "multipart/form-data"));
        byte[] truncated = Arrays.copyOf(whole, whole.length - 30);
        assertThrows(MultipartForm.Malformed.class, () -> drain(truncated));
        byte[] noDisposition = ("--" + BOUNDARY + "\r\nContent-Type: text/plain\r\n\r\nx\r\n--" + BOUNDARY + "--\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        assertThrows(MultipartForm.Malformed.class, () -> drain(noDisposition));
        byte[] hugeHeader = ("--" + BOUNDARY + "\r\nX-Padding: " + "a".repeat(20_000) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        assertThrows(MultipartForm.Malformed.class, () -> drain(hugeHeader));
        assertThrows(MultipartForm.Malformed.class, () -> drain("no boundary at all".getBytes(StandardCharsets.US_ASCII)));
    }

    private static void drain(byte[] body) throws IOException {
        MultipartForm form = new MultipartForm(trickling(body), "multipart/form-data; boundary=" + BOUNDARY);
        for (Optional<MultipartForm.Part> part = form.next(); part.isPresent(); part = form.next()) {
            part.get().content().readAllBytes();
        }
    }
}
