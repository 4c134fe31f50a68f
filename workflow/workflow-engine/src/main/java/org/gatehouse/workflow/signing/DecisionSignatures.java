package org.gatehouse.workflow.signing;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatehouse.evidence.Certificates;
import org.gatehouse.evidence.EvidenceException;
import org.gatehouse.evidence.Sha256;
import org.gatehouse.evidence.authority.CertificateTrust;
import org.gatehouse.evidence.authority.SigningAuthority;
import org.gatehouse.evidence.certificate.SignedDecision;
import org.gatehouse.evidence.keys.KeyMaterial;
import org.gatehouse.evidence.keys.SealingKey;
import org.gatehouse.evidence.keys.SealingKeyRing;
import org.gatehouse.evidence.keys.SigningIdentity;
import org.gatehouse.evidence.keys.SigningKeyAlgorithm;
import org.gatehouse.evidence.signature.SignatureVerifier;
import org.gatehouse.evidence.signature.SignedStatement;
import org.gatehouse.evidence.signature.StatementSignature;
import org.gatehouse.evidence.timestamp.TimeStampAuthority;
import org.gatehouse.evidence.timestamp.TimeStampFailed;
import org.gatehouse.evidence.timestamp.TimeStamper;
import org.gatehouse.evidence.timestamp.TimeStampToken;
import org.gatehouse.evidence.timestamp.TimeStampVerifier;
import org.gatehouse.evidence.timestamp.VerifiedTimeStamp;
import org.gatehouse.platform.id.Uuid7;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.workflow.api.ReleaseId;

/**
 * Signs lifecycle decisions with the deciding person's key and an RFC 3161 time-stamp from the
 * platform's own authority or, when {@code gatehouse.signing.tsa.url} is set, from that external TSA
 * ({@link ExternalTimeStamping}), and checks them again (7.4.2, 7.4.3) against the CA and the
 * configured external TSA roots. An external TSA that fails makes the decision fail
 * ({@link DecisionNotTimeStamped}); the own TSA never stands in for it. The signing CA, the
 * time-stamp authority and each person's key are created on first use and stored sealed under the
 * platform key ({@code gatehouse.secrets.key}); creation is race-safe (insert if absent, then read
 * what won).
 */
@ApplicationScoped
public class DecisionSignatures {
    private static final Duration TSA_VALIDITY = Duration.ofDays(10 * 365);

    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "gatehouse.secrets.key")
    Optional<String> platformKey;

    @Inject
    @ConfigProperty(name = "gatehouse.signing.tsa.url")
    Optional<String> tsaUrl;

    @Inject
    @ConfigProperty(name = "gatehouse.signing.tsa.trust")
    Optional<String> tsaTrust;

    @Inject
    @ConfigProperty(name = "gatehouse.signing.tsa.policy")
    Optional<String> tsaPolicy;

    @Inject
    @ConfigProperty(name = "gatehouse.signing.tsa.timeout-seconds", defaultValue = "10")
    int tsaTimeoutSeconds;

    private static final Logger LOG = Logger.getLogger(DecisionSignatures.class.getName());
    private volatile Authorities authorities;
    private final Map<String, SigningIdentity> people = new ConcurrentHashMap<>();

    /** The CA, the time-stamper in use (own or external), the platform key and the external TSA settings. */
    private record Authorities(SigningAuthority ca, TimeStamper stamper, SigningIdentity platform,
            ExternalTimeStamping external) {
    }

    /** One decision's signature as checked now; {@code timeStampAuthority} names the TSA whose token verified. */
    public record Checked(String subject, String signer, Instant signedAt, String algorithm, boolean valid,
            Optional<Instant> timeStampedAt, Optional<String> problem, String statement,
            Optional<String> timeStampAuthority) {
    }

    /** Creates the person's signing key and certificate unless they have one (enrolment, 7.4.2). */
    public java.security.cert.X509Certificate enrol(String login) {
        Authorities authority = authorities();
        return people.computeIfAbsent(login, l -> loadOrCreate("signing_key", "login", l,
                () -> authority.ca().enrol(l, SigningKeyAlgorithm.ECDSA_P256, SigningAuthority.DEFAULT_USER_VALIDITY)))
                .certificate();
    }

    /** The person's signing certificate, when they have been enrolled. */
    public Optional<java.security.cert.X509Certificate> certificateOf(String login) {
        try (Connection c = dataSource.getConnection()) {
            return read(c, "SELECT key_material FROM signing_key WHERE login = ?", login)
                    .map(bytes -> KeyMaterial.fromBytes(bytes).certificate());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the signing key of " + login, e);
        }
    }

    /** Signs a decision now; the caller stores it with {@link #store} in the decision's transaction. */
    public SignedDecision sign(ReleaseId release, String subject, String decision, String signer, Instant decidedAt,
            Optional<String> comment) {
        Authorities authority = authorities();
        enrol(signer);
        SigningIdentity identity = people.get(signer);
        try {
            return SignedDecision.sign(SignedDecision.statement(release.toString(), subject, decision, signer, decidedAt,
                    comment), identity, authority.stamper());
        } catch (TimeStampFailed e) {
            LOG.warning(() -> "a decision on " + subject + " of release " + release + " was not taken: " + e.getMessage());
            throw new DecisionNotTimeStamped();
        }
    }

    /** Stores a signed decision on the caller's connection: it commits or rolls back with the decision. */
    public void store(Connection connection, ReleaseId release, String subject, String signer, Instant signedAt,
            SignedDecision decision) throws SQLException {
        StatementSignature signature = decision.statement().signature();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO decision_signature (id, release_id,"
                + " subject, signer, payload, algorithm, signature, signer_certificate, time_stamp, signed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, Uuid7.next(clock));
            insert.setObject(2, release.value());
            insert.setString(3, subject);
            insert.setString(4, signer);
            insert.setBytes(5, decision.statement().payload());
            insert.setString(6, signature.algorithm().id());
            insert.setBytes(7, signature.value());
            insert.setBytes(8, signature.signerCertificate());
            insert.setBytes(9, decision.timeStamp().der());
            insert.setObject(10, signedAt.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    /** The platform's signing CA certificate: the trust anchor of every signature and certificate it issues. */
    public java.security.cert.X509Certificate authority() {
        return authorities().ca().certificate();
    }

    /** The external TSA roots this platform trusts (configured), for release certificates and their verification. */
    public List<java.security.cert.X509Certificate> timeStampRoots() {
        return authorities().external().roots();
    }

    /** The platform's sealing key (release certificates, 7.8.4). */
    public SigningIdentity platform() {
        return authorities().platform();
    }

    /** The signed decisions of a release on the caller's connection (its own uncommitted ones included), oldest first. */
    public List<SignedDecision> decisions(Connection c, ReleaseId release) throws SQLException {
        return Jdbc.list(c, "SELECT payload, algorithm, signature, signer_certificate, time_stamp FROM decision_signature"
                + " WHERE release_id = ? ORDER BY signed_at, id LIMIT 1000", r -> {
                    byte[] payload = r.getBytes(1);
                    SigningKeyAlgorithm algorithm = SigningKeyAlgorithm.fromId(r.getString(2)).orElseThrow();
                    return new SignedDecision(new SignedStatement(payload, new StatementSignature(algorithm, r.getBytes(4),
                            r.getBytes(3), Sha256.of(payload))), new TimeStampToken(r.getBytes(5)));
                }, release.value());
    }

    /**
     * Every signed decision of a release, oldest first, each checked now against the platform's CA
     * (signatures; own TSA tokens) and the configured external TSA roots (external tokens).
     */
    public List<Checked> check(ReleaseId release) {
        Authorities authority = authorities();
        CertificateTrust trust = new CertificateTrust(authority.ca().certificate());
        SignatureVerifier signatures = new SignatureVerifier(trust);
        List<CertificateTrust> anchors = new ArrayList<>(List.of(trust));
        anchors.addAll(authority.external().anchors());
        TimeStampVerifier timeStamps = new TimeStampVerifier(anchors);
        List<Checked> checked = new ArrayList<>();
        String sql = "SELECT subject, signer, payload, algorithm, signature, signer_certificate, time_stamp, signed_at"
                + " FROM decision_signature WHERE release_id = ? ORDER BY signed_at, id LIMIT 1000";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, release.value());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    checked.add(check(release, r, signatures, timeStamps));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the decision signatures", e);
        }
        return checked;
    }

    private static Checked check(ReleaseId release, ResultSet r, SignatureVerifier signatures,
            TimeStampVerifier timeStamps) throws SQLException {
        String subject = r.getString(1);
        String signer = r.getString(2);
        byte[] payload = r.getBytes(3);
        String algorithm = r.getString(4);
        Instant signedAt = r.getTimestamp(8).toInstant();
        String statement = new String(payload, java.nio.charset.StandardCharsets.UTF_8);
        try {
            SigningKeyAlgorithm alg = SigningKeyAlgorithm.fromId(algorithm)
                    .orElseThrow(() -> new IllegalArgumentException("unknown algorithm " + algorithm));
            byte[] value = r.getBytes(5);
            SignedStatement signed = new SignedStatement(payload, new StatementSignature(alg, r.getBytes(6), value,
                    Sha256.of(payload)));
            signatures.verify(signed, signedAt);
            var content = signed.statement();
            if (!content.path("release").asText().equals(release.toString())
                    || !content.path("signer").asText().equals(signer)
                    || !content.path("subject").asText().equals(subject)) {
                return new Checked(subject, signer, signedAt, algorithm, false, Optional.empty(),
                        Optional.of("the statement names another release, signer or subject than its record"), statement,
                        Optional.empty());
            }
            VerifiedTimeStamp stamp = timeStamps.verify(new TimeStampToken(r.getBytes(7)), Sha256.of(value));
            return new Checked(subject, signer, signedAt, algorithm, true, Optional.of(stamp.genTime()), Optional.empty(),
                    statement, Optional.of(Certificates.commonName(stamp.tsaCertificate())
                            .orElse(stamp.tsaCertificate().getSubjectX500Principal().getName())));
        } catch (EvidenceException | IllegalArgumentException e) {
            return new Checked(subject, signer, signedAt, algorithm, false, Optional.empty(),
                    Optional.of(String.valueOf(e.getMessage())), statement, Optional.empty());
        }
    }

    private Authorities authorities() {
        Authorities current = authorities;
        if (current == null) {
            synchronized (this) {
                current = authorities;
                if (current == null) {
                    SigningIdentity ca = loadOrCreate("signing_authority", "purpose", "CA", () -> SigningAuthority
                            .create("Gatehouse signing CA", SigningAuthority.DEFAULT_CA_VALIDITY, clock).identity());
                    SigningAuthority authority = SigningAuthority.of(ca, clock);
                    SigningIdentity tsa = loadOrCreate("signing_authority", "purpose", "TSA",
                            () -> authority.issueTimeStampingKey("Gatehouse time-stamp authority", TSA_VALIDITY));
                    SigningIdentity platform = loadOrCreate("signing_authority", "purpose", "PLATFORM",
                            () -> authority.issuePlatformKey("Gatehouse platform seal", TSA_VALIDITY));
                    ExternalTimeStamping external = ExternalTimeStamping.of(tsaUrl, tsaTrust, tsaPolicy, tsaTimeoutSeconds);
                    TimeStamper stamper = external.stamper().orElse(TimeStampAuthority.of(tsa, clock));
                    LOG.info(() -> "decisions are time-stamped by " + stamper);
                    current = new Authorities(authority, stamper, platform, external);
                    authorities = current;
                }
            }
        }
        return current;
    }

    /** Reads a sealed key, or creates, seals and inserts one when none is there (the first writer wins). */
    private SigningIdentity loadOrCreate(String table, String column, String key, Supplier<SigningIdentity> create) {
        SealingKeyRing ring = ring();
        String select = "SELECT key_material FROM " + table + " WHERE " + column + " = ?";
        try (Connection c = dataSource.getConnection()) {
            Optional<byte[]> stored = read(c, select, key);
            if (stored.isEmpty()) {
                byte[] material = KeyMaterial.seal(create.get(), ring).toBytes();
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " (" + column
                        + ", key_material, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
                    insert.setString(1, key);
                    insert.setBytes(2, material);
                    insert.setObject(3, clock.instant().atOffset(ZoneOffset.UTC));
                    insert.executeUpdate();
                }
                stored = read(c, select, key);
            }
            return KeyMaterial.fromBytes(stored.orElseThrow()).unlock(ring);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load the signing key " + table + "/" + key, e);
        }
    }

    private static Optional<byte[]> read(Connection c, String select, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(select)) {
            s.setString(1, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getBytes(1)) : Optional.empty();
            }
        }
    }

    private SealingKeyRing ring() {
        String base64 = platformKey.filter(k -> !k.isBlank()).orElseThrow(() -> new IllegalStateException(
                "gatehouse.secrets.key is not configured: decisions cannot be signed"));
        return SealingKeyRing.of(SealingKey.fromBase64(base64));
    }
}
