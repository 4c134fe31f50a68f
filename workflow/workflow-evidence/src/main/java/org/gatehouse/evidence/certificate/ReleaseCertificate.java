package org.gatehouse.evidence.certificate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.gatehouse.evidence.CryptoProvider;
import org.gatehouse.evidence.StrictBase64;
import org.gatehouse.evidence.json.CanonicalJson;
import org.gatehouse.evidence.keys.SigningIdentity;

/**
 * Builds the release certificate (TC260 7.8.4): format {@code gatehouse-release-certificate/1}, the
 * release's facts, artifacts, gate results, waivers, documents and signed, time-stamped decisions
 * (7.4.2, 7.4.3), the CA, TSA and platform certificates to check them, sealed by the platform key
 * over the canonical form of everything but the seal. The result is canonical JSON (UTF-8, one line).
 * A certificate is issued only if it verifies against the given CA.
 */
public final class ReleaseCertificate {
    private final ReleaseFacts release;
    private final Instant releasedAt;
    private final List<Artifact> artifacts = new ArrayList<>();
    private final List<GateResult> gates = new ArrayList<>();
    private final List<Waiver> waivers = new ArrayList<>();
    private final List<EvidenceDocument> documents = new ArrayList<>();
    private final List<SignedDecision> decisions = new ArrayList<>();

    private ReleaseCertificate(ReleaseFacts release, Instant releasedAt) {
        this.release = release;
        this.releasedAt = releasedAt;
    }

    public static ReleaseCertificate builder(ReleaseFacts release, Instant releasedAt) {
        return new ReleaseCertificate(release, releasedAt);
    }

    public ReleaseCertificate artifact(Artifact artifact) {
        artifacts.add(artifact);
        return this;
    }

    public ReleaseCertificate gate(GateResult gate) {
        gates.add(gate);
        return this;
    }

    public ReleaseCertificate waiver(Waiver waiver) {
        waivers.add(waiver);
        return this;
    }

    public ReleaseCertificate document(EvidenceDocument document) {
        documents.add(document);
        return this;
    }

    public ReleaseCertificate decision(SignedDecision decision) {
        decisions.add(decision);
        return this;
    }

    /**
     * Seals the certificate with the platform key (certificate profile PLATFORM_SEAL, issued by
     * {@code ca}) and returns its bytes; throws {@link CertificateNotIssued} with the report when
     * the result would not verify against {@code ca}.
     */
    public byte[] seal(SigningIdentity platform, X509Certificate ca) {
        ObjectNode root = CertificateJson.body(release, releasedAt, artifacts, gates, waivers, documents, decisions, ca,
                timeStampAuthorities(), platform.certificate(), platform.algorithm());
        byte[] signature = platform.sign(CanonicalJson.write(root));
        root.put(CertificateJson.SEAL, StrictBase64.encode(signature));
        byte[] document = CanonicalJson.write(root);
        VerificationReport report = CertificateVerifier.verify(document, Optional.of(TrustPin.of(ca)));
        if (!report.isValid()) {
            throw new CertificateNotIssued(report);
        }
        return document;
    }

    /** The distinct TSA certificates carried in the decisions' tokens, in order of appearance. */
    private List<X509Certificate> timeStampAuthorities() {
        Set<X509Certificate> found = new LinkedHashSet<>();
        for (SignedDecision decision : decisions) {
            try {
                TimeStampToken token = new TimeStampToken(new CMSSignedData(decision.timeStamp().der()));
                java.util.Collection<X509CertificateHolder> holders = token.getCertificates().getMatches(token.getSID());
                for (X509CertificateHolder holder : holders) {
                    found.add(new JcaX509CertificateConverter().setProvider(CryptoProvider.bc()).getCertificate(holder));
                }
            } catch (CMSException | TSPException | IOException | CertificateException | RuntimeException e) {
                throw new IllegalArgumentException("a decision's time-stamp token cannot be read", e);
            }
        }
        return List.copyOf(found);
    }
}
