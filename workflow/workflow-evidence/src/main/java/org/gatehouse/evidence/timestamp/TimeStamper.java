package org.gatehouse.evidence.timestamp;

import org.gatehouse.evidence.Sha256;

/**
 * Obtains RFC 3161 time-stamps (TC260 7.4.3). Implementations: the in-process
 * {@link TimeStampAuthority} and {@link HttpTimeStamper} for an external TSA. Both send a request
 * with a fresh nonce and accept only a granted response whose token carries that nonce and
 * imprint.
 */
public interface TimeStamper {

    /** A token over a SHA-256 digest (for a signed decision: of the signature value). */
    TimeStampToken stamp(Sha256 imprint);

    /**
     * This time-stamper, each token checked by {@code verifier} before it is handed out: a token from
     * a TSA that the verifier does not trust fails now ({@link TimeStampFailed}), not when a release
     * certificate is issued or an auditor checks it.
     */
    default TimeStamper checkedBy(TimeStampVerifier verifier) {
        TimeStamper stamper = this;
        return new TimeStamper() {
            @Override
            public TimeStampToken stamp(Sha256 imprint) {
                TimeStampToken token = stamper.stamp(imprint);
                try {
                    verifier.verify(token, imprint);
                } catch (TimeStampInvalid e) {
                    throw new TimeStampFailed("the TSA's token does not verify: " + e.getMessage(), e);
                }
                return token;
            }

            @Override
            public String toString() {
                return stamper + ", tokens checked";
            }
        };
    }
}
