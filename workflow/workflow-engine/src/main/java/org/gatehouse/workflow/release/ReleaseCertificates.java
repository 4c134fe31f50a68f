package org.gatehouse.workflow.release;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.gatehouse.evidence.Sha256;
import org.gatehouse.evidence.certificate.Artifact;
import org.gatehouse.evidence.certificate.CertificateVerifier;
import org.gatehouse.evidence.certificate.EvidenceDocument;
import org.gatehouse.evidence.certificate.GateResult;
import org.gatehouse.evidence.certificate.ReleaseCertificate;
import org.gatehouse.evidence.certificate.ReleaseFacts;
import org.gatehouse.evidence.certificate.TimeStampPins;
import org.gatehouse.evidence.certificate.TrustPin;
import org.gatehouse.evidence.certificate.VerificationReport;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.workflow.api.ReleaseId;
import org.gatehouse.workflow.lifecycle.GateEvaluation;
import org.gatehouse.workflow.lifecycle.Lifecycle;
import org.gatehouse.workflow.lifecycle.Route;
import org.gatehouse.workflow.lifecycle.Transition;
import org.gatehouse.workflow.lifecycle.Waiver;
import org.gatehouse.workflow.requirement.SignOffs;
import org.gatehouse.workflow.requirement.SubjectStatus;
import org.gatehouse.workflow.signing.DecisionSignatures;
import org.gatehouse.platform.sql.Jdbc;

/**
 * The release certificate (7.8.4; ADR 0009 format): issued in the transaction that releases, from the
 * release's facts, its scanned artifacts, every gate answer of its forward moves, its waivers, the
 * digests of its agreed content, and every signed, time-stamped decision; sealed with the platform
 * key. Verifiable offline by anyone holding the CA certificate.
 */
@ApplicationScoped
public class ReleaseCertificates {
    @Inject
    DecisionSignatures signatures;

    @Inject
    LifecycleLog log;

    @Inject
    SignOffs signOffs;

    @Inject
    Releases releases;

    @Inject
    Instance<ReleaseArtifacts> artifacts;

    @Inject
    Instance<ReleaseDocuments> documents;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @jakarta.annotation.Resource(lookup = "java:app/jdbc/gatehouse")
    javax.sql.DataSource dataSource;

    /** Issues and stores the certificate of a release that has just been released (its final move included). */
    @Transactional(Transactional.TxType.MANDATORY)
    public byte[] issue(Release release, Lifecycle lifecycle, Transition released) {
        try {
            Connection c = Jdbc.enlisted(em.unwrap(Connection.class));
            ReleaseCertificate certificate = ReleaseCertificate.builder(new ReleaseFacts(release.id().toString(),
                    release.project().value(), release.version(), lifecycle.definition().defaultFor().number(),
                    release.definition().id(), release.definition().version()), released.at());
            if (!artifacts.isUnsatisfied()) {
                artifacts.get().of(release.id()).forEach(a -> certificate.artifact(new Artifact(a.name(),
                        Sha256.fromHex(a.sha256()))));
            }
            // the log as committed, then this move (whatever the log's connection can see of it)
            List<Transition> moves = new java.util.ArrayList<>(log.transitions(release.id()).stream()
                    .filter(move -> move.version() < released.version()).toList());
            moves.add(released);
            for (Transition move : moves) {
                boolean forward = lifecycle.definition().route(move.from(), move.trigger())
                        .map(route -> route.kind() == Route.Kind.FORWARD).orElse(false);
                if (forward) {
                    for (GateEvaluation gate : move.gates()) {
                        certificate.gate(new GateResult(gate.gate().value(), gate.waived() ? GateResult.Outcome.WAIVED
                                : GateResult.Outcome.PASSED, gate.result().reasons().stream().map(r -> r.key()).toList()));
                    }
                }
            }
            for (Waiver waiver : lifecycle.state().waivers()) {
                certificate.waiver(new org.gatehouse.evidence.certificate.Waiver(waiver.gate().value(),
                        waiver.grantedBy().name(), waiver.justification(), waiver.expiresAt()));
            }
            for (SubjectStatus agreed : signOffs.status(release.id())) {
                if (agreed.agreed()) {
                    certificate.document(new EvidenceDocument(agreed.subject().name().toLowerCase(java.util.Locale.ROOT)
                            .replace('_', '-'), "sha256:" + agreed.contentSha256().orElseThrow().substring(0, 12),
                            Sha256.fromHex(agreed.contentSha256().orElseThrow()), "internal"));
                }
            }
            if (!documents.isUnsatisfied()) {
                documents.get().of(release.id()).forEach(d -> certificate.document(new EvidenceDocument(d.name(),
                        d.version(), Sha256.fromHex(d.sha256()), d.classification())));
            }
            signatures.decisions(c, release.id()).forEach(certificate::decision);
            byte[] document = certificate.seal(signatures.platform(), signatures.authority(), signatures.timeStampRoots());
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO release_certificate (release_id, document,"
                    + " sha256, issued_at) VALUES (?, ?, ?, ?)")) {
                insert.setObject(1, release.id().value());
                insert.setBytes(2, document);
                insert.setString(3, Sha256.of(document).hex());
                insert.setObject(4, released.at().atOffset(ZoneOffset.UTC));
                insert.executeUpdate();
            }
            return document;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot issue the release certificate", e);
        }
    }

    /** The certificate's exact bytes (RELEASE_READ); empty until the release is released. */
    @Transactional
    public Optional<byte[]> of(Actor actor, String releaseId) {
        ReleaseId id = releases.get(actor, releaseId).id();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT document FROM release_certificate WHERE release_id = ?")) {
            s.setObject(1, id.value());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the release certificate", e);
        }
    }

    /**
     * Checks a certificate against this platform's CA and its configured external TSA roots (both
     * pinned: a token under any other external root fails): what an auditor does offline, as a service.
     */
    public VerificationReport verify(byte[] document) {
        return CertificateVerifier.verify(document, Optional.of(TrustPin.of(signatures.authority())),
                TimeStampPins.ofRoots(signatures.timeStampRoots()));
    }

    /** The external TSA roots to pin for offline verification ({@code --tsa-sha256}); empty with the own TSA. */
    public List<java.security.cert.X509Certificate> timeStampRoots() {
        return signatures.timeStampRoots();
    }

    /** The CA certificate to pin for offline verification. */
    public java.security.cert.X509Certificate authority() {
        return signatures.authority();
    }

}
