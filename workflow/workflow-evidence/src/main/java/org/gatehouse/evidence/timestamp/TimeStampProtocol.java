package org.gatehouse.evidence.timestamp;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.gatehouse.evidence.CryptoProvider;
import org.gatehouse.evidence.Sha256;

/** The client side of RFC 3161 shared by both time-stampers: the request and the response checks. */
final class TimeStampProtocol {
    private TimeStampProtocol() {
    }

    /** A SHA-256 request with a random 63-bit nonce that asks for the TSA's certificate. */
    static TimeStampRequest request(Sha256 imprint) {
        return request(imprint, Optional.empty());
    }

    /** The same, asking for a policy (RFC 3161 {@code reqPolicy}) when one is given. */
    static TimeStampRequest request(Sha256 imprint, Optional<ASN1ObjectIdentifier> policy) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        policy.ifPresent(generator::setReqPolicy);
        return generator.generate(TSPAlgorithms.SHA256, imprint.bytes(), new BigInteger(63, CryptoProvider.random()));
    }

    static byte[] encode(TimeStampRequest request) {
        try {
            return request.getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Accepts only a granted response to exactly this request; returns its token. */
    static TimeStampToken accept(TimeStampRequest request, byte[] responseDer) {
        TimeStampResponse response;
        try {
            response = new TimeStampResponse(responseDer);
        } catch (TSPException | IOException | RuntimeException e) {
            throw new TimeStampFailed("the TSA's answer is not a TimeStampResp", e);
        }
        int status = response.getStatus();
        if (status != PKIStatus.GRANTED && status != PKIStatus.GRANTED_WITH_MODS) {
            throw new TimeStampFailed("the TSA refused: status " + status
                    + (response.getStatusString() == null ? "" : " (" + response.getStatusString() + ")"));
        }
        try {
            response.validate(request);
        } catch (TSPException | RuntimeException e) {
            throw new TimeStampFailed("the TSA's token does not answer the request: " + e.getMessage(), e);
        }
        var info = response.getTimeStampToken().getTimeStampInfo();
        if (!request.getNonce().equals(info.getNonce())
                || !java.security.MessageDigest.isEqual(request.getMessageImprintDigest(), info.getMessageImprintDigest())) {
            throw new TimeStampFailed("the TSA's token carries another nonce or imprint");
        }
        if (request.getReqPolicy() != null && !request.getReqPolicy().equals(info.getPolicy())) {
            throw new TimeStampFailed("the TSA's token is under policy " + info.getPolicy() + ", not the requested "
                    + request.getReqPolicy());
        }
        try {
            return new TimeStampToken(response.getTimeStampToken().getEncoded());
        } catch (IOException e) {
            throw new TimeStampFailed("the TSA's token cannot be encoded", e);
        }
    }
}
