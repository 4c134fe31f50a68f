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
import org.gatehouse.evidence.EvidenceException;
import org.gatehouse.evidence.Sha256;
import org.gatehouse.evidence.StrictBase64;
import org.gatehouse.evidence.authority.CertificateTrust;
import org.gatehouse.evidence.json.CanonicalJson;
import org.gatehouse.evidence.keys.SigningIdentity;
import org.gatehouse.evidence.timestamp.TimeStampVerifier;

/**
 * Builds the release certificate (TC260 7.8.4): format {@code gatehouse-release-certificate/1} (or
 * {@code /2} when external TSAs time-stamped decisions, with their roots), the
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
        return seal(platform, ca, List.of());
    }

    /**
     * The same for decisions time-stamped by external TSAs too: {@code timeStampRoots} are the
     * external TSA roots the platform trusts; those that a decision's token chains to are written
     * into the certificate (format 2) so that an offline verifier can check the tokens, and the
     * result must verify with exactly these roots pinned.
     */
    public byte[] seal(SigningIdentity platform, X509Certificate ca, List<X509Certificate> timeStampRoots) {
        ObjectNode root = CertificateJson.body(release, releasedAt, artifacts, gates, waivers, documents, decisions, ca,
                timeStampAuthorities(), usedRoots(ca, timeStampRoots), platform.certificate(), platform.algorithm());
        byte[] signature = platform.sign(CanonicalJson.write(root));
        root.put(CertificateJson.SEAL, StrictBase64.encode(signature));
        byte[] document = CanonicalJson.write(root);
        VerificationReport report = CertificateVerifier.verify(document, Optional.of(TrustPin.of(ca)),
                TimeStampPins.ofRoots(timeStampRoots));
        if (!report.isValid()) {
            throw new CertificateNotIssued(report);
        }
        return document;
    }

    /** The external roots (not the CA) that the decisions' tokens chain to, in order of appearance. */
    private List<X509Certificate> usedRoots(X509Certificate ca, List<X509Certificate> timeStampRoots) {
        if (timeStampRoots.isEmpty()) {
            return List.of();
        }
        List<CertificateTrust> anchors = new ArrayList<>(List.of(new CertificateTrust(ca)));
        timeStampRoots.forEach(r -> anchors.add(new CertificateTrust(r)));
        TimeStampVerifier verifier = new TimeStampVerifier(anchors);
        Set<X509Certificate> used = new LinkedHashSet<>();
        for (SignedDecision decision : decisions) {
            try {
                X509Certificate anchor = verifier.verify(decision.timeStamp(),
                        Sha256.of(decision.statement().signature().value())).anchor();
                if (!anchor.equals(ca)) {
                    used.add(anchor);
                }
            } catch (EvidenceException e) {
                // not trusted at all: the verification of the sealed document reports it
            }
        }
        return List.copyOf(used);
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
