package org.gatehouse.evidence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.gatehouse.evidence.authority.CertificateTrust;
import org.gatehouse.evidence.authority.SigningAuthority;
import org.gatehouse.evidence.keys.SigningIdentity;
import org.gatehouse.evidence.keys.SigningKeyAlgorithm;
import org.gatehouse.evidence.timestamp.TimeStampAuthority;

/** A complete Gatehouse PKI on a fixed clock, built once per test class that needs it. */
public final class TestPki {
    public static final Instant NOW = Instant.parse("2026-06-01T10:00:00.123Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    public final SigningAuthority ca = SigningAuthority.create("Gatehouse Signing CA", Duration.ofDays(3650), CLOCK);
    public final CertificateTrust trust = new CertificateTrust(ca.certificate());
    public final TimeStampAuthority tsa = TimeStampAuthority.of(
            ca.issueTimeStampingKey("Gatehouse TSA", Duration.ofDays(3000)), CLOCK);
    public final SigningIdentity platform = ca.issuePlatformKey("gatehouse-platform", Duration.ofDays(3000));
    public final SigningIdentity alice = ca.enrol("alice", SigningKeyAlgorithm.ECDSA_P256, Duration.ofDays(365));
    public final SigningIdentity bob = ca.enrol("bob", SigningKeyAlgorithm.ED25519, Duration.ofDays(365));
}
