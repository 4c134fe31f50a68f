package org.gatehouse.web.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.SocketException;
import org.gatehouse.platform.error.ProblemType;
import org.junit.jupiter.api.Test;

/** The cap on every request body, and what a body that stops arriving becomes. */
class RequestSizeLimitTest {

    @Test
    void aBodyWithinTheCapIsReadWhole() throws IOException {
        byte[] body = new byte[1000];
        body[999] = 7;
        assertArrayEquals(body, RequestSizeLimit.capped(new ByteArrayInputStream(body), 1000).readAllBytes());
    }

    @Test
    void aBodyPastTheCapIsTooLarge() {
        InputStream capped = RequestSizeLimit.capped(new ByteArrayInputStream(new byte[1001]), 1000);
        RequestSizeLimit.BodyTooLarge refused = assertThrows(RequestSizeLimit.BodyTooLarge.class, capped::readAllBytes);
        assertEquals(ProblemType.PAYLOAD_TOO_LARGE, refused.type());
    }

    /** A reset or a read timeout is the client's doing: a 400 with its own key, not an internal error. */
    @Test
    void aReadThatFailsIsABodyCutShort() throws IOException {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new SocketException("Connection reset");
            }
        };
        InputStream capped = RequestSizeLimit.capped(new SequenceInputStream(new ByteArrayInputStream(new byte[10]), failing),
                1000);
        assertEquals(10, capped.readNBytes(10).length);
        RequestSizeLimit.BodyInterrupted cut = assertThrows(RequestSizeLimit.BodyInterrupted.class, capped::read);
        assertEquals(ProblemType.MALFORMED_REQUEST, cut.type());
        assertEquals("body.interrupted", cut.messageKey());
        assertEquals(SocketException.class, cut.getCause().getClass());
        assertThrows(RequestSizeLimit.BodyInterrupted.class, () -> capped.read(new byte[4], 0, 4));
    }
}
