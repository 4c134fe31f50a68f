package org.gatehouse.evidence.timestamp;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.tsp.Accuracy;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import org.gatehouse.evidence.CryptoProvider;
import org.gatehouse.evidence.Sha256;
import org.gatehouse.evidence.authority.CertificateProfile;
import org.gatehouse.evidence.authority.CertificateRejected;
import org.gatehouse.evidence.authority.CertificateTrust;

/**
 * Verifies an RFC 3161 token offline (TC260 7.4.3): the token is DER with one signer and no
 * unsigned attributes, its imprint is the SHA-256 of the evidence, the TSA certificate (carried in
 * the token) chains at genTime to one of the trust anchors (the Gatehouse CA for the own TSA, an
 * external TSA's configured roots) and has the one, critical EKU id-kp-timeStamping, the
 * ESSCertIDv2 binds that certificate, and the CMS signature over the TSTInfo is valid.
 */
public final class TimeStampVerifier {
    private final List<CertificateTrust> anchors;

    public TimeStampVerifier(CertificateTrust trust) {
        this(List.of(trust));
    }

    /** Trusts TSA certificates that chain to any of {@code anchors}, tried in order. */
    public TimeStampVerifier(List<CertificateTrust> anchors) {
        if (anchors.isEmpty()) {
            throw new IllegalArgumentException("a time-stamp verifier needs at least one trust anchor");
        }
        this.anchors = List.copyOf(anchors);
    }

    public VerifiedTimeStamp verify(TimeStampToken token, Sha256 imprint) {
        try {
            return check(parse(token.der()), imprint);
        } catch (TimeStampInvalid e) {
            throw e;
        } catch (RuntimeException e) {
            // BouncyCastle reports some malformed structures as unchecked exceptions (even NPEs)
            throw new TimeStampInvalid("the token is malformed: " + e.getMessage(), e);
        }
    }

    private VerifiedTimeStamp check(org.bouncycastle.tsp.TimeStampToken parsed, Sha256 imprint) {
        TimeStampTokenInfo info = parsed.getTimeStampInfo();
        if (!NISTObjectIdentifiers.id_sha256.equals(info.getMessageImprintAlgOID())) {
            throw new TimeStampInvalid("the token's imprint is not SHA-256");
        }
        if (!imprint.matches(info.getMessageImprintDigest())) {
            throw new TimeStampInvalid("the token is over other data (imprint mismatch)");
        }
        Collection<X509CertificateHolder> matches = parsed.getCertificates().getMatches(parsed.getSID());
        if (matches.size() != 1) {
            throw new TimeStampInvalid("the token does not carry exactly one TSA certificate");
        }
        X509Certificate tsa = convert(matches.iterator().next());
        List<X509Certificate> others = new ArrayList<>();
        for (X509CertificateHolder holder : parsed.getCertificates().getMatches(null)) {
            others.add(convert(holder));
        }
        CertificateTrust trust = anchorOf(tsa, others, info.getGenTime().toInstant());
        try {
            parsed.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(CryptoProvider.bc()).build(tsa));
        } catch (TSPException | OperatorCreationException | RuntimeException e) {
            throw new TimeStampInvalid("the token's signature does not verify: " + e.getMessage(), e);
        }
        return new VerifiedTimeStamp(info.getGenTime().toInstant(), info.getSerialNumber(), info.getPolicy().getId(),
                Optional.ofNullable(info.getAccuracy()).map(TimeStampVerifier::duration), tsa, trust.anchor());
    }

    /** The first anchor the TSA certificate chains to at genTime, with its purpose checked. */
    private CertificateTrust anchorOf(X509Certificate tsa, List<X509Certificate> others, Instant genTime) {
        List<String> refusals = new ArrayList<>();
        for (CertificateTrust trust : anchors) {
            try {
                trust.check(tsa, others, CertificateProfile.TIME_STAMPING, genTime);
                return trust;
            } catch (CertificateRejected e) {
                refusals.add(e.getMessage());
            }
        }
        throw new TimeStampInvalid("the TSA certificate is not trusted: " + (refusals.size() == 1 ? refusals.get(0)
                : "no trust anchor accepts it (" + String.join("; ", refusals) + ")"));
    }

    private static org.bouncycastle.tsp.TimeStampToken parse(byte[] der) {
        try {
            ContentInfo content = ContentInfo.getInstance(ASN1Primitive.fromByteArray(der));
            if (!CMSObjectIdentifiers.signedData.equals(content.getContentType())
                    || !Arrays.equals(content.getEncoded(ASN1Encoding.DER), der)) {
                throw new TimeStampInvalid("the token is not a DER-encoded CMS SignedData");
            }
            CMSSignedData signed = new CMSSignedData(content);
            SignedData data = SignedData.getInstance(content.getContent());
            ASN1Set digests = data.getDigestAlgorithms();
            if (data.getVersion().intValueExact() != 3 || data.getCRLs() != null) {
                throw new TimeStampInvalid("the token's SignedData is not in the expected form");
            }
            if (signed.getSignerInfos().size() != 1 || digests.size() != 1) {
                throw new TimeStampInvalid("the token must have exactly one signer");
            }
            SignerInformation signer = signed.getSignerInfos().iterator().next();
            int expectedVersion = signer.getSID().getSubjectKeyIdentifier() == null ? 1 : 3;
            if (signer.getUnsignedAttributes() != null || signer.getVersion() != expectedVersion
                    || !signer.getDigestAlgorithmID().equals(
                            org.bouncycastle.asn1.x509.AlgorithmIdentifier.getInstance(digests.getObjectAt(0)))) {
                throw new TimeStampInvalid("the token's signer is not in the expected form");
            }
            return new org.bouncycastle.tsp.TimeStampToken(signed);
        } catch (IOException | CMSException | TSPException | IllegalArgumentException | IllegalStateException
                | ClassCastException | ArithmeticException e) {
            throw new TimeStampInvalid("not an RFC 3161 time-stamp token", e);
        }
    }

    private static X509Certificate convert(X509CertificateHolder holder) {
        try {
            return new JcaX509CertificateConverter().setProvider(CryptoProvider.bc()).getCertificate(holder);
        } catch (CertificateException e) {
            throw new TimeStampInvalid("the token carries an unreadable certificate", e);
        }
    }

    private static Duration duration(Accuracy accuracy) {
        long seconds = accuracy.getSeconds() == null ? 0 : accuracy.getSeconds().longValueExact();
        long millis = accuracy.getMillis() == null ? 0 : accuracy.getMillis().longValueExact();
        long micros = accuracy.getMicros() == null ? 0 : accuracy.getMicros().longValueExact();
        return Duration.ofSeconds(seconds).plusMillis(millis).plusNanos(micros * 1000);
    }
}
