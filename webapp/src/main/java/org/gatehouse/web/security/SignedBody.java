package org.gatehouse.web.security;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Optional;
import org.gatehouse.identity.token.SignatureCheck;
import org.gatehouse.platform.crypto.RequestSignature;

/**
 * The body of a request made with an API token as it streams in: counts its bytes (for the call log)
 * and, for a signed request, hashes it and compares the SHA-256 with the signed
 * {@code X-Gatehouse-Content-SHA256} at the end of the stream, throwing {@link SignatureRejected}
 * there when they differ. Whoever acts on an upload therefore reads it to its end first
 * ({@link #drain}); small bodies are checked whole by the access filter before any resource runs.
 */
public final class SignedBody extends FilterInputStream {
    private final Optional<String> expectedSha256;
    private final MessageDigest digest = RequestSignature.sha256();
    private long count;
    private boolean ended;
    private SignatureCheck.Verdict verdict = SignatureCheck.Verdict.VALID;

    SignedBody(InputStream in, Optional<String> expectedSha256) {
        super(in);
        this.expectedSha256 = expectedSha256;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            end();
        } else {
            count++;
            digest.update((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            end();
        } else if (n > 0) {
            count += n;
            digest.update(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // through read(), so skipped bytes are hashed too
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(1, n))];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void end() {
        if (verdict == SignatureCheck.Verdict.BODY_MISMATCH) {
            // every later read at the end refuses again, should a caller have swallowed the first refusal
            throw new SignatureRejected(verdict);
        }
        if (ended) {
            return;
        }
        ended = true;
        if (expectedSha256.isPresent()
                && !RequestSignature.sameDigest(RequestSignature.hex(digest.digest()), expectedSha256.get())) {
            verdict = SignatureCheck.Verdict.BODY_MISMATCH;
            throw new SignatureRejected(verdict);
        }
    }

    /** Bytes read so far. */
    public long count() {
        return count;
    }

    /** Whether the end was reached (and, when signed, the digest matched). */
    public boolean verified() {
        return ended && verdict == SignatureCheck.Verdict.VALID;
    }

    SignatureCheck.Verdict verdict() {
        return verdict;
    }

    /**
     * Reads what is left of a request body to its end, so that a signed body's digest is checked
     * before anything is done with it; throws {@link SignatureRejected} when it does not match.
     */
    public static void drain(InputStream body) throws IOException {
        body.transferTo(java.io.OutputStream.nullOutputStream());
    }
}
