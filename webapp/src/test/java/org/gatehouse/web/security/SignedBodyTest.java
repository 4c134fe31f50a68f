package org.gatehouse.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.gatehouse.identity.token.SignatureCheck;
import org.gatehouse.platform.crypto.RequestSignature;
import org.junit.jupiter.api.Test;

class SignedBodyTest {
    private static final byte[] BODY = "--b\r\nfile\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final String DIGEST = RequestSignature.hex(RequestSignature.sha256().digest(BODY));

    @Test
    void aMatchingBodyIsVerifiedAtItsEnd() throws IOException {
        SignedBody body = new SignedBody(new ByteArrayInputStream(BODY), Optional.of(DIGEST));
        body.read();
        body.skip(3);
        SignedBody.drain(body);
        assertTrue(body.verified());
        assertEquals(BODY.length, body.count(), "skipped bytes are counted and hashed too");
    }

    @Test
    void aTamperedBodyFailsAtItsEndAndKeepsFailing() {
        byte[] tampered = BODY.clone();
        tampered[5] = 'F';
        SignedBody body = new SignedBody(new ByteArrayInputStream(tampered), Optional.of(DIGEST));
        SignatureRejected first = assertThrows(SignatureRejected.class, () -> SignedBody.drain(body));
        assertEquals(SignatureCheck.Verdict.BODY_MISMATCH, first.verdict());
        assertThrows(SignatureRejected.class, body::read, "a caller that swallowed the first refusal is refused again");
        assertEquals(SignatureCheck.Verdict.BODY_MISMATCH, body.verdict());
    }

    @Test
    void anUnsignedBodyIsOnlyCounted() throws IOException {
        SignedBody body = new SignedBody(new ByteArrayInputStream(BODY), Optional.empty());
        SignedBody.drain(body);
        assertEquals(BODY.length, body.count());
        assertTrue(body.verified());
    }
}
