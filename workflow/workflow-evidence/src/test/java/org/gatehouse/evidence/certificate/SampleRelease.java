package org.gatehouse.evidence.certificate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gatehouse.evidence.Sha256;
import org.gatehouse.evidence.TestPki;
import org.gatehouse.evidence.keys.SigningIdentity;

/** A realistic release certificate over the test PKI. */
final class SampleRelease {
    static final String RELEASE_ID = "0190f5c2-7b1e-7cc3-9a51-3f6a2b8e4d10";
    static final Instant RELEASED_AT = TestPki.NOW.plusSeconds(1);

    private SampleRelease() {
    }

    static ReleaseFacts facts() {
        return new ReleaseFacts(RELEASE_ID, "SHOP", "2.4.0", 3, "level-3", 2);
    }

    static SignedDecision decision(TestPki pki, SigningIdentity signer, String subject, String decision) {
        return SignedDecision.sign(SignedDecision.statement(RELEASE_ID, subject, decision, signer.name(), TestPki.NOW,
                Optional.of("checked: \"ok\" ✓")), signer, pki.tsa);
    }

    static ReleaseCertificate builder(TestPki pki) {
        return ReleaseCertificate.builder(facts(), RELEASED_AT)
                .artifact(new Artifact("shop-2.4.0.war", Sha256.of("war".getBytes(StandardCharsets.UTF_8))))
                .artifact(new Artifact("shop-cli-2.4.0.jar", Sha256.of("jar".getBytes(StandardCharsets.UTF_8))))
                .gate(new GateResult("white-box.no-open-high", GateResult.Outcome.PASSED, List.of()))
                .gate(new GateResult("black-box.no-open-high", GateResult.Outcome.WAIVED,
                        List.of("1 high finding open: ZAP 40012 on /search")))
                .waiver(new Waiver("black-box.no-open-high", "sec-admin", "false positive, see ticket SEC-17",
                        RELEASED_AT.plus(Duration.ofDays(30))))
                .document(new EvidenceDocument("threat-model", "3", Sha256.of("tm".getBytes(StandardCharsets.UTF_8)), "internal"))
                .decision(decision(pki, pki.alice, "phase:AUDIT->RELEASED", "approve"))
                .decision(decision(pki, pki.bob, "phase:AUDIT->RELEASED", "approve"));
    }

    static byte[] issue(TestPki pki) {
        return builder(pki).seal(pki.platform, pki.ca.certificate());
    }
}
