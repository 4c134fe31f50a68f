package org.gatehouse.evidence.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gatehouse.evidence.Certificates;
import org.gatehouse.evidence.EvidenceException;
import org.gatehouse.evidence.Sha256;
import org.gatehouse.evidence.authority.CertificateProfile;
import org.gatehouse.evidence.authority.CertificateTrust;
import org.gatehouse.evidence.certificate.VerificationReport.Check;
import org.gatehouse.evidence.json.CanonicalJson;
import org.gatehouse.evidence.json.JsonRejected;
import org.gatehouse.evidence.keys.SigningKeyAlgorithm;
import org.gatehouse.evidence.signature.SignatureVerifier;
import org.gatehouse.evidence.signature.VerifiedSignature;
import org.gatehouse.evidence.timestamp.TimeStampVerifier;
import org.gatehouse.evidence.timestamp.VerifiedTimeStamp;

/**
 * Verifies a release certificate fully offline (TC260 7.8.4, 7.4.2, 7.4.3): its structure and
 * canonical form, the trust anchor (the CA carried in the document, or a pinned one), every
 * decision's time-stamp and signature (the signer's certificate valid at the time-stamp's genTime,
 * the statement naming this release and its signer), the waivers behind waived gates, and the
 * platform seal over everything but the seal itself. A token of the own TSA chains to the CA; a
 * token of an external TSA chains to one of the document's {@code timeStampRoots}, which is
 * independent time evidence only when the verifier pins that root ({@link TimeStampPins}).
 * Revocation is not checked (ADR 0009).
 */
public final class CertificateVerifier {
    /** How far a decision's time-stamp may lie after the release time (clock skew between TSA and platform). */
    static final Duration SKEW = Duration.ofMinutes(5);

    private CertificateVerifier() {
    }

    /** Never throws on any input: what cannot be read is reported MALFORMED. */
    public static VerificationReport verify(byte[] document, Optional<TrustPin> pin) {
        return verify(document, pin, TimeStampPins.unpinned());
    }

    /** The same, with the external TSA roots the verifier trusts. Never throws on any input. */
    public static VerificationReport verify(byte[] document, Optional<TrustPin> pin, TimeStampPins tsaPins) {
        try {
            return check(document, pin, tsaPins);
        } catch (RuntimeException e) {
            // a defect or a library's unchecked error on hostile input: never a pass
            return VerificationReport.malformed("unreadable: " + e);
        }
    }

    private static VerificationReport check(byte[] document, Optional<TrustPin> pin, TimeStampPins tsaPins) {
        JsonNode root;
        CertificateJson.Parsed parsed;
        try {
            root = CanonicalJson.parse(document);
            parsed = CertificateJson.read(root);
        } catch (JsonRejected | MalformedCertificate e) {
            return VerificationReport.malformed(e.getMessage());
        }
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("structure", true, parsed.format() + ", release " + parsed.release().id()));
        boolean canonical = CanonicalJson.isCanonical(document);
        checks.add(new Check("canonical form", canonical, canonical ? "the document is RFC 8785 canonical JSON"
                : "the document is not byte-for-byte its canonical form"));
        Optional<CertificateTrust> trust = anchor(parsed.ca(), pin, checks);
        if (trust.isEmpty()) {
            return VerificationReport.of(checks);
        }
        Optional<List<CertificateTrust>> tsaAnchors = timeStampRoots(parsed, tsaPins, checks);
        if (tsaAnchors.isEmpty()) {
            return VerificationReport.of(checks);
        }
        List<CertificateTrust> anchors = new ArrayList<>(List.of(trust.get()));
        anchors.addAll(tsaAnchors.get());
        TimeStampVerifier timeStamps = new TimeStampVerifier(anchors);
        for (int i = 0; i < parsed.decisions().size(); i++) {
            decision(i + 1, parsed.decisions().get(i), parsed, trust.get(), timeStamps, tsaPins, checks);
        }
        waivers(parsed, checks);
        seal(root, parsed, trust.get(), checks);
        return VerificationReport.of(checks);
    }

    private static Optional<CertificateTrust> anchor(X509Certificate ca, Optional<TrustPin> pin, List<Check> checks) {
        Sha256 fingerprint = Certificates.fingerprint(ca);
        CertificateTrust trust;
        try {
            trust = new CertificateTrust(ca);
        } catch (EvidenceException e) {
            checks.add(new Check("trust anchor", false, e.getMessage()));
            return Optional.empty();
        }
        if (pin.isPresent() && !pin.get().matches(ca)) {
            checks.add(new Check("trust anchor", false, "the document's CA (SHA-256 " + fingerprint
                    + ") is not the pinned CA (SHA-256 " + pin.get().fingerprint() + ")"));
            return Optional.empty();
        }
        checks.add(new Check("trust anchor", true, pin.isPresent()
                ? "the pinned CA, SHA-256 " + fingerprint
                : "the CA carried in the document (not pinned), SHA-256 " + fingerprint
                        + "; compare it with your copy or pass --ca / --ca-sha256"));
        return Optional.of(trust);
    }

    /**
     * The document's external TSA roots as anchors for time-stamps only (never for signers or the
     * seal); empty when one cannot be an anchor. No check at all for a document without them.
     */
    private static Optional<List<CertificateTrust>> timeStampRoots(CertificateJson.Parsed parsed, TimeStampPins pins,
            List<Check> checks) {
        if (parsed.timeStampRoots().isEmpty()) {
            return Optional.of(List.of());
        }
        List<CertificateTrust> anchors = new ArrayList<>();
        List<String> details = new ArrayList<>();
        boolean passed = true;
        for (X509Certificate root : parsed.timeStampRoots()) {
            String name = Certificates.commonName(root).orElse("?") + " (SHA-256 " + Certificates.fingerprint(root) + ")";
            try {
                anchors.add(new CertificateTrust(root));
            } catch (EvidenceException e) {
                checks.add(new Check("time-stamp roots", false, name + ": " + e.getMessage()));
                return Optional.empty();
            }
            if (pins.pins(root)) {
                details.add(name + " pinned");
            } else if (pins.given()) {
                passed = false;
                details.add(name + " is not one of the pinned TSA roots");
            } else {
                details.add(name + " carried in the document, not pinned: its time evidence is not independently"
                        + " trusted; compare it with the TSA's published root or pass --tsa-sha256");
            }
        }
        checks.add(new Check("time-stamp roots", passed, String.join("; ", details)));
        return Optional.of(anchors);
    }

    private static void decision(int number, SignedDecision decision, CertificateJson.Parsed parsed,
            CertificateTrust trust, TimeStampVerifier timeStamps, TimeStampPins pins, List<Check> checks) {
        String name = "decision " + number;
        VerifiedTimeStamp time;
        try {
            time = timeStamps.verify(decision.timeStamp(), Sha256.of(decision.statement().signature().value()));
            if (parsed.timeStampAuthorities().stream().noneMatch(time.tsaCertificate()::equals)) {
                throw new CheckFailed("the token's TSA certificate is not listed in authority.timeStampAuthorities");
            }
            if (time.genTime().isAfter(parsed.releasedAt().plus(SKEW))) {
                throw new CheckFailed("time-stamped " + time.genTime() + ", after the release at " + parsed.releasedAt());
            }
            checks.add(new Check(name + " time-stamp", true, "genTime " + time.genTime() + " by "
                    + Certificates.commonName(time.tsaCertificate()).orElse("?") + ", serial " + time.serialNumber()
                    + timeEvidence(time.anchor(), trust, pins)));
        } catch (EvidenceException e) {
            checks.add(new Check(name + " time-stamp", false, e.getMessage()));
            checks.add(new Check(name + " signature", false, "no trusted signing time"));
            return;
        }
        try {
            VerifiedSignature signature = new SignatureVerifier(trust).verify(decision.statement(), time.genTime());
            JsonNode statement = decision.statement().statement();
            if (!parsed.release().id().equals(statement.path("release").textValue())) {
                throw new CheckFailed("the statement is about another release");
            }
            if (!signature.signer().equals(statement.path("signer").textValue())) {
                throw new CheckFailed("the statement names another signer than the certificate (" + signature.signer() + ")");
            }
            checks.add(new Check(name + " signature", true, decision.statement().signature().algorithm().id() + " by "
                    + signature.signer() + ": " + statement.path("decision").asText("") + " "
                    + statement.path("subject").asText("")));
        } catch (EvidenceException e) {
            checks.add(new Check(name + " signature", false, e.getMessage()));
        }
    }

    /** Which kind of time evidence a token is; throws when its external root is not among given pins. */
    private static String timeEvidence(X509Certificate anchor, CertificateTrust ca, TimeStampPins pins) {
        if (anchor.equals(ca.anchor())) {
            return " (Gatehouse's own TSA: the time is as trustworthy as the platform)";
        }
        String root = "root SHA-256 " + Certificates.fingerprint(anchor);
        if (pins.pins(anchor)) {
            return " (external TSA, pinned " + root + ": independent time evidence)";
        }
        if (pins.given()) {
            throw new CheckFailed("the token's external TSA " + root + " is not one of the pinned TSA roots");
        }
        return " (external TSA, " + root + " not pinned: time evidence not independently trusted)";
    }

    private static void waivers(CertificateJson.Parsed parsed, List<Check> checks) {
        List<String> problems = new ArrayList<>();
        for (GateResult gate : parsed.gates()) {
            if (gate.outcome() == GateResult.Outcome.WAIVED && parsed.waivers().stream().noneMatch(
                    w -> w.gateId().equals(gate.gateId()) && w.expires().isAfter(parsed.releasedAt()))) {
                problems.add("gate " + gate.gateId() + " is waived without a waiver in force at the release");
            }
        }
        checks.add(new Check("waivers", problems.isEmpty(), problems.isEmpty()
                ? parsed.waivers().size() + " waiver(s); every waived gate has one in force at the release"
                : String.join("; ", problems)));
    }

    private static void seal(JsonNode root, CertificateJson.Parsed parsed, CertificateTrust trust, List<Check> checks) {
        X509Certificate platform = parsed.platform();
        try {
            trust.check(platform, CertificateProfile.PLATFORM_SEAL, parsed.releasedAt());
            if (SigningKeyAlgorithm.of(platform.getPublicKey()).orElse(null) != parsed.sealAlgorithm()) {
                throw new CheckFailed("the seal algorithm is not the one of the platform key");
            }
            if (!SignatureVerifier.verifies(parsed.sealAlgorithm(), platform, sealedContent(root), parsed.seal())) {
                throw new CheckFailed("the seal does not verify: the document was changed after it was sealed");
            }
            checks.add(new Check("platform seal", true, parsed.sealAlgorithm().id() + " by "
                    + Certificates.commonName(platform).orElse("?") + " over the canonical document without 'seal'"));
        } catch (EvidenceException e) {
            checks.add(new Check("platform seal", false, e.getMessage()));
        }
    }

    /** The bytes the platform seal signs: the canonical form of the document without its {@code seal} member. */
    static byte[] sealedContent(JsonNode root) {
        ObjectNode copy = root.deepCopy();
        copy.remove(CertificateJson.SEAL);
        return CanonicalJson.write(copy);
    }

    private static final class CheckFailed extends EvidenceException {
        private static final long serialVersionUID = 1L;

        CheckFailed(String message) {
            super(message);
        }
    }
}
