package org.gatehouse.evidence.authority;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.gatehouse.evidence.CryptoProvider;
import org.gatehouse.evidence.keys.SigningIdentity;
import org.gatehouse.evidence.keys.SigningKeyAlgorithm;

/**
 * The Gatehouse signing CA (TC260 7.4.2, B.1.3.1-ii): created once (self-signed X.509 v3, ECDSA
 * P-256, basicConstraints CA with path length 0, keyUsage keyCertSign and cRLSign), kept as sealed
 * {@link org.gatehouse.evidence.keys.KeyMaterial}, and used to issue end-entity certificates with a
 * random 159-bit serial: users' decision keys at enrolment, the TSA and the platform seal.
 */
public final class SigningAuthority {
    /** The CA certificate's default validity. */
    public static final Duration DEFAULT_CA_VALIDITY = Duration.ofDays(20 * 365);
    /** A user certificate's default validity. */
    public static final Duration DEFAULT_USER_VALIDITY = Duration.ofDays(2 * 365);
    private static final Duration BACKDATE = Duration.ofMinutes(5);
    private final SigningIdentity ca;
    private final Clock clock;

    private SigningAuthority(SigningIdentity ca, Clock clock) {
        this.ca = ca;
        this.clock = clock;
    }

    /** Creates a new CA named {@code CN=<commonName>, O=Gatehouse}. */
    public static SigningAuthority create(String commonName, Duration validity, Clock clock) {
        KeyPair keys = SigningKeyAlgorithm.ECDSA_P256.generate();
        X500Name name = name(commonName);
        Instant now = clock.instant();
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                    Date.from(now.minus(BACKDATE)), Date.from(now.plus(validity)), name, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            ContentSigner selfSigner = new JcaContentSignerBuilder(SigningKeyAlgorithm.ECDSA_P256.jcaSignature())
                    .setProvider(CryptoProvider.bc()).build(keys.getPrivate());
            X509Certificate certificate = convert(builder, selfSigner);
            return new SigningAuthority(SigningIdentity.of(keys.getPrivate(), certificate), clock);
        } catch (CertIOException | NoSuchAlgorithmException | OperatorCreationException e) {
            throw new IllegalStateException("the CA certificate cannot be built", e);
        }
    }

    /** The CA loaded back from its key material; refuses an identity whose certificate is no CA. */
    public static SigningAuthority of(SigningIdentity ca, Clock clock) {
        X509Certificate certificate = ca.certificate();
        boolean[] usage = certificate.getKeyUsage();
        if (certificate.getBasicConstraints() < 0 || usage == null || !usage[5]) {
            throw new IllegalArgumentException("the identity's certificate is not a CA certificate");
        }
        return new SigningAuthority(ca, clock);
    }

    public X509Certificate certificate() {
        return ca.certificate();
    }

    /** The CA's own identity, to be stored with {@code KeyMaterial.seal}. */
    public SigningIdentity identity() {
        return ca;
    }

    /** Enrolment: a new key for {@code login} and its decision-signing certificate (CN = login). */
    public SigningIdentity enrol(String login, SigningKeyAlgorithm algorithm, Duration validity) {
        return issueNewKey(login, algorithm, CertificateProfile.DECISION_SIGNING, validity);
    }

    /** The own time-stamping authority's key (critical EKU id-kp-timeStamping). */
    public SigningIdentity issueTimeStampingKey(String commonName, Duration validity) {
        return issueNewKey(commonName, SigningKeyAlgorithm.ECDSA_P256, CertificateProfile.TIME_STAMPING, validity);
    }

    /** The platform key that seals release certificates ({@code gatehouse-platform}). */
    public SigningIdentity issuePlatformKey(String commonName, Duration validity) {
        return issueNewKey(commonName, SigningKeyAlgorithm.ECDSA_P256, CertificateProfile.PLATFORM_SEAL, validity);
    }

    private SigningIdentity issueNewKey(String commonName, SigningKeyAlgorithm algorithm, CertificateProfile profile,
            Duration validity) {
        KeyPair keys = algorithm.generate();
        return SigningIdentity.of(keys.getPrivate(), issue(keys.getPublic(), commonName, profile, validity));
    }

    /** Issues a certificate for a public key generated elsewhere (for instance on a token). */
    public X509Certificate issue(PublicKey subjectKey, String commonName, CertificateProfile profile, Duration validity) {
        if (SigningKeyAlgorithm.of(subjectKey).isEmpty()) {
            throw new IllegalArgumentException("only P-256 and Ed25519 keys are certified");
        }
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("a certificate's validity must be positive");
        }
        Instant now = clock.instant();
        Instant notAfter = now.plus(validity);
        if (notAfter.isAfter(ca.certificate().getNotAfter().toInstant())) {
            notAfter = ca.certificate().getNotAfter().toInstant();
        }
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()), serial(),
                    Date.from(now.minus(BACKDATE)), Date.from(notAfter), name(commonName), subjectKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(profile.keyUsage()))
                    .addExtension(Extension.extendedKeyUsage, profile.criticalExtendedKeyUsage(),
                            new ExtendedKeyUsage(KeyPurposeId.getInstance(profile.extendedKeyUsage())))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            utils.createAuthorityKeyIdentifier(ca.certificate()));
            return convert(builder, ca.contentSigner());
        } catch (CertIOException | NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("the certificate cannot be built", e);
        }
    }

    private static X509Certificate convert(X509v3CertificateBuilder builder, ContentSigner signer) {
        try {
            return new JcaX509CertificateConverter().setProvider(CryptoProvider.bc())
                    .getCertificate(builder.build(signer));
        } catch (CertificateException e) {
            throw new IllegalStateException("the certificate cannot be read back", e);
        }
    }

    static X500Name name(String commonName) {
        if (commonName == null || commonName.isBlank() || commonName.length() > 64) {
            throw new IllegalArgumentException("a common name is 1 to 64 characters");
        }
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).addRDN(BCStyle.O, "Gatehouse").build();
    }

    /** A positive random serial of at most 159 bits (RFC 5280: at most 20 octets). */
    private static BigInteger serial() {
        return new BigInteger(159, CryptoProvider.random()).setBit(152);
    }

    @Override
    public String toString() {
        return "SigningAuthority[" + ca.certificate().getSubjectX500Principal().getName() + "]";
    }
}
