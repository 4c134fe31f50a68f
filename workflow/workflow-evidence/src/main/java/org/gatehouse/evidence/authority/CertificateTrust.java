package org.gatehouse.evidence.authority;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXCertPathChecker;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.gatehouse.evidence.Certificates;
import org.gatehouse.evidence.CryptoProvider;
import org.gatehouse.evidence.Sha256;

/**
 * A trust anchor (normally the Gatehouse CA) and the offline check that an end-entity certificate
 * chains to it, was valid at a given instant and is meant for a given purpose. PKIX path validation
 * (RFC 5280) with revocation checking disabled: there is no CRL or OCSP service (see ADR 0009).
 */
public final class CertificateTrust {
    private static final int MAX_INTERMEDIATES = 4;
    private final X509Certificate anchor;

    public CertificateTrust(X509Certificate anchor) {
        boolean[] usage = anchor.getKeyUsage();
        if (anchor.getBasicConstraints() < 0 || usage == null || !usage[5]) {
            throw new CertificateRejected("the trust anchor is not a CA certificate (basicConstraints, keyCertSign)");
        }
        this.anchor = anchor;
    }

    public X509Certificate anchor() {
        return anchor;
    }

    public Sha256 fingerprint() {
        return Certificates.fingerprint(anchor);
    }

    /** Checks a certificate issued directly by the anchor. */
    public void check(X509Certificate certificate, CertificateProfile profile, Instant at) {
        check(certificate, List.of(), profile, at);
    }

    /**
     * Checks a certificate whose path to the anchor may pass through some of {@code candidates}
     * (for instance the certificates an external TSA sends along), then its purpose.
     */
    public void check(X509Certificate certificate, Collection<X509Certificate> candidates, CertificateProfile profile,
            Instant at) {
        if (at.isBefore(anchor.getNotBefore().toInstant()) || at.isAfter(anchor.getNotAfter().toInstant())) {
            throw new CertificateRejected("the trust anchor was not valid at " + at);
        }
        validatePath(path(certificate, candidates), at);
        checkPurpose(certificate, profile);
    }

    private List<X509Certificate> path(X509Certificate leaf, Collection<X509Certificate> candidates) {
        List<X509Certificate> path = new ArrayList<>(List.of(leaf));
        X509Certificate current = leaf;
        while (!current.getIssuerX500Principal().equals(anchor.getSubjectX500Principal())) {
            if (path.size() > MAX_INTERMEDIATES) {
                throw new CertificateRejected("no path to the trust anchor");
            }
            X509Certificate child = current;
            current = candidates.stream()
                    .filter(c -> c.getSubjectX500Principal().equals(child.getIssuerX500Principal()) && !path.contains(c))
                    .findFirst()
                    .orElseThrow(() -> new CertificateRejected("no path to the trust anchor: issuer "
                            + child.getIssuerX500Principal().getName() + " is unknown"));
            path.add(current);
        }
        return path;
    }

    private void validatePath(List<X509Certificate> path, Instant at) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509", CryptoProvider.bc());
            CertPath certPath = factory.generateCertPath(List.<Certificate>copyOf(path));
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            parameters.addCertPathChecker(new ExtendedKeyUsageClaim());
            CertPathValidator.getInstance("PKIX", CryptoProvider.bc()).validate(certPath, parameters);
        } catch (CertPathValidatorException e) {
            throw new CertificateRejected("the certificate does not chain to the trust anchor at " + at + ": "
                    + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new CertificateRejected("the certificate path cannot be validated: " + e.getMessage(), e);
        }
    }

    private static void checkPurpose(X509Certificate certificate, CertificateProfile profile) {
        if (certificate.getBasicConstraints() >= 0) {
            throw new CertificateRejected("a CA certificate cannot sign evidence");
        }
        boolean[] usage = certificate.getKeyUsage();
        boolean signs = usage != null && (usage[0] || usage[1]);
        if (!signs || profile == CertificateProfile.DECISION_SIGNING && !usage[1]) {
            throw new CertificateRejected("the certificate's keyUsage does not allow " + profile);
        }
        List<String> purposes;
        try {
            purposes = certificate.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            throw new CertificateRejected("the certificate's extendedKeyUsage is malformed", e);
        }
        String wanted = profile.extendedKeyUsage().getId();
        if (purposes == null || !purposes.contains(wanted)) {
            throw new CertificateRejected("the certificate is not issued for " + profile);
        }
        if (profile == CertificateProfile.TIME_STAMPING) {
            boolean critical = certificate.getCriticalExtensionOIDs() != null
                    && certificate.getCriticalExtensionOIDs().contains(Extension.extendedKeyUsage.getId());
            if (!critical || purposes.size() != 1 || !wanted.equals(KeyPurposeId.id_kp_timeStamping.getId())) {
                throw new CertificateRejected("a TSA certificate needs id-kp-timeStamping as its one, critical EKU");
            }
        }
    }

    /** Tells PKIX that a critical extendedKeyUsage is handled: {@link #checkPurpose} checks it. */
    private static final class ExtendedKeyUsageClaim extends PKIXCertPathChecker {
        @Override
        public void init(boolean forward) {
        }

        @Override
        public boolean isForwardCheckingSupported() {
            return true;
        }

        @Override
        public Set<String> getSupportedExtensions() {
            return Set.of(Extension.extendedKeyUsage.getId());
        }

        @Override
        public void check(Certificate certificate, Collection<String> unresolvedCriticalExtensions) {
            unresolvedCriticalExtensions.remove(Extension.extendedKeyUsage.getId());
        }
    }
}
