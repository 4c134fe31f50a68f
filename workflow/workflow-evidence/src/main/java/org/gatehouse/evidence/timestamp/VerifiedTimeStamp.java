package org.gatehouse.evidence.timestamp;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A token that verified: when ({@code genTime}), by which TSA, under which policy, and the trust
 * anchor its TSA certificate chains to (the Gatehouse CA or an external TSA's root).
 */
public record VerifiedTimeStamp(Instant genTime, BigInteger serialNumber, String policy,
        Optional<Duration> accuracy, X509Certificate tsaCertificate, X509Certificate anchor) {
}
