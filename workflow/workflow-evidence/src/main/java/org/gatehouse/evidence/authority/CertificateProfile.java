package org.gatehouse.evidence.authority;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * What an end-entity certificate issued by the Gatehouse CA is for. Each purpose has its own
 * extended key usage, so a user's key cannot seal a release certificate and the TSA's key cannot
 * sign a decision.
 */
public enum CertificateProfile {
    /** A person's key for signed decisions (7.4.2): digitalSignature, nonRepudiation. */
    DECISION_SIGNING(GatehouseOids.DECISION_SIGNING, false),
    /** The RFC 3161 time-stamping authority (7.4.3): the one, critical EKU id-kp-timeStamping. */
    TIME_STAMPING(KeyPurposeId.id_kp_timeStamping.toOID(), true),
    /** The platform key that seals release certificates (7.8.4). */
    PLATFORM_SEAL(GatehouseOids.PLATFORM_SEAL, false);

    private final ASN1ObjectIdentifier extendedKeyUsage;
    private final boolean criticalExtendedKeyUsage;

    CertificateProfile(ASN1ObjectIdentifier extendedKeyUsage, boolean critical) {
        this.extendedKeyUsage = extendedKeyUsage;
        this.criticalExtendedKeyUsage = critical;
    }

    public ASN1ObjectIdentifier extendedKeyUsage() {
        return extendedKeyUsage;
    }

    public boolean criticalExtendedKeyUsage() {
        return criticalExtendedKeyUsage;
    }

    int keyUsage() {
        return KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
    }
}
