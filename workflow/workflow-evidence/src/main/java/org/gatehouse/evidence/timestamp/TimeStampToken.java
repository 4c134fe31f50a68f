package org.gatehouse.evidence.timestamp;

import java.util.Arrays;

/** An RFC 3161 {@code TimeStampToken} (a CMS SignedData over a TSTInfo) in DER, as stored. */
public record TimeStampToken(byte[] der) {

    public TimeStampToken {
        if (der == null || der.length == 0) {
            throw new IllegalArgumentException("a time-stamp token has bytes");
        }
        der = der.clone();
    }

    @Override
    public byte[] der() {
        return der.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TimeStampToken that && Arrays.equals(der, that.der);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(der);
    }

    @Override
    public String toString() {
        return "TimeStampToken[" + der.length + " bytes]";
    }
}
