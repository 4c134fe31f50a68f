package org.gatehouse.evidence.authority;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/**
 * Object identifiers under Gatehouse's private arc. The arc is a UUID OID (ITU-T X.667,
 * {@code 2.25.<uuid>}), unique without registration.
 */
public final class GatehouseOids {
    /** {@code 2.25.320283169227123801696742406588745232814} (UUID f0f44b6c-db65-4a27-82fc-b348e691b1ae). */
    public static final ASN1ObjectIdentifier ARC = new ASN1ObjectIdentifier("2.25.320283169227123801696742406588745232814");
    /** The default time-stamp policy of the own TSA (RFC 3161 {@code TSAPolicyId}). */
    public static final ASN1ObjectIdentifier TIME_STAMP_POLICY = ARC.branch("1.1");
    /** Extended key usage of users' decision-signing certificates. */
    public static final ASN1ObjectIdentifier DECISION_SIGNING = ARC.branch("2.1");
    /** Extended key usage of the platform key that seals release certificates. */
    public static final ASN1ObjectIdentifier PLATFORM_SEAL = ARC.branch("2.2");

    private GatehouseOids() {
    }
}
