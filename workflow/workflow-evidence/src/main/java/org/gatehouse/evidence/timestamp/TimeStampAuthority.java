package org.gatehouse.evidence.timestamp;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.gatehouse.evidence.CryptoProvider;
import org.gatehouse.evidence.Sha256;
import org.gatehouse.evidence.authority.GatehouseOids;
import org.gatehouse.evidence.keys.SigningIdentity;

/**
 * Gatehouse's own RFC 3161 time-stamping authority (TC260 7.4.3), for installations without an
 * external TSA. Its key is certified by the Gatehouse CA with the one, critical EKU
 * id-kp-timeStamping. It accepts SHA-256 imprints only and the configured policy (or none), answers
 * with SHA-256 ESSCertIDv2, the requested nonce, the configured accuracy, {@code ordering} false,
 * a random 64-bit serial and millisecond genTime from its clock, and includes its certificate when
 * asked. {@link #respond} is what an HTTP endpoint would call with the request body.
 */
public final class TimeStampAuthority implements TimeStamper {
    private final SigningIdentity identity;
    private final Clock clock;
    private final Settings settings;
    private final TimeStampResponseGenerator generator;

    /** Policy and accuracy of the tokens. */
    public record Settings(ASN1ObjectIdentifier policy, Duration accuracy) {
        public static final Settings DEFAULT = new Settings(GatehouseOids.TIME_STAMP_POLICY, Duration.ofSeconds(1));

        public Settings {
            if (accuracy.isNegative() || accuracy.isZero() || accuracy.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("accuracy must be between 1 ms and 1 hour");
            }
        }
    }

    private TimeStampAuthority(SigningIdentity identity, Clock clock, Settings settings) {
        this.identity = identity;
        this.clock = clock;
        this.settings = settings;
        this.generator = responseGenerator();
    }

    public static TimeStampAuthority of(SigningIdentity identity, Clock clock) {
        return of(identity, clock, Settings.DEFAULT);
    }

    public static TimeStampAuthority of(SigningIdentity identity, Clock clock, Settings settings) {
        return new TimeStampAuthority(identity, clock, settings);
    }

    public X509Certificate certificate() {
        return identity.certificate();
    }

    public Settings settings() {
        return settings;
    }

    /** Answers a DER {@code TimeStampReq} with a DER {@code TimeStampResp}; refusals are responses too. */
    public byte[] respond(byte[] derRequest) {
        try {
            TimeStampResponse response;
            TimeStampRequest request;
            try {
                request = new TimeStampRequest(derRequest);
            } catch (IOException | RuntimeException e) {
                response = generator.generateFailResponse(PKIStatus.REJECTION, PKIFailureInfo.badDataFormat,
                        "not a TimeStampReq");
                return response.getEncoded();
            }
            BigInteger serial = new BigInteger(64, CryptoProvider.random());
            synchronized (generator) {
                response = generator.generate(request, serial, Date.from(clock.instant()));
            }
            return response.getEncoded();
        } catch (TSPException | IOException e) {
            throw new IllegalStateException("the time-stamp response cannot be built", e);
        }
    }

    @Override
    public TimeStampToken stamp(Sha256 imprint) {
        TimeStampRequest request = TimeStampProtocol.request(imprint);
        return TimeStampProtocol.accept(request, respond(TimeStampProtocol.encode(request)));
    }

    private TimeStampResponseGenerator responseGenerator() {
        try {
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().setProvider(CryptoProvider.bc()).build();
            SignerInfoGenerator signer = new JcaSignerInfoGeneratorBuilder(digests)
                    .build(identity.contentSigner(), identity.certificate());
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(signer,
                    digests.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)), settings.policy());
            long millis = settings.accuracy().toMillis();
            if (millis >= 1000) {
                tokens.setAccuracySeconds((int) (millis / 1000));
            }
            if (millis % 1000 != 0) {
                tokens.setAccuracyMillis((int) (millis % 1000));
            }
            tokens.setOrdering(false);
            tokens.setResolution(TimeStampTokenGenerator.R_MILLISECONDS);
            tokens.setTSA(new GeneralName(X500Name.getInstance(identity.certificate().getSubjectX500Principal().getEncoded())));
            tokens.addCertificates(new JcaCertStore(List.of(identity.certificate())));
            return new TimeStampResponseGenerator(tokens, Set.of(TSPAlgorithms.SHA256), Set.of(settings.policy()));
        } catch (OperatorCreationException | TSPException | CertificateEncodingException e) {
            throw new IllegalStateException("the time-stamping authority cannot be set up", e);
        }
    }

    @Override
    public String toString() {
        return "TimeStampAuthority[" + identity.name() + ", policy " + settings.policy() + "]";
    }
}
