package org.gatehouse.compliance.check;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gatehouse.compliance.ClauseAnswer;
import org.gatehouse.compliance.ClauseCheck;
import org.gatehouse.compliance.Evidence;
import org.gatehouse.compliance.ProjectEvidence;
import org.gatehouse.compliance.Text;
import org.gatehouse.workflow.release.Release;
import org.gatehouse.workflow.release.ReleaseCertificates;

/**
 * The releases themselves: B.1.3.1-ia (releases move through the phases, a project iterates), 8.1 (the
 * workflow definition is versioned and kept by each release), B.1.3.1-ii (a release that went online did
 * so through the gate, with its certificate) and 7.8.4-dt..dy (the release certificate anyone verifies
 * offline).
 */
@ApplicationScoped
public class ReleaseRecordCheck implements ClauseCheck {
    @Inject
    ReleaseCertificates certificates;

    @Override
    public Set<String> clauses() {
        return Set.of("B.1.3.1-ia", "8.1", "B.1.3.1-ii", "7.8.4-dt..dy");
    }

    @Override
    public List<ClauseAnswer> evaluate(ProjectEvidence project) {
        List<ClauseAnswer> answers = new ArrayList<>();
        String key = project.project().key().value();
        if (project.latest().isEmpty()) {
            answers.add(ClauseAnswer.of("B.1.3.1-ia").missing(Text.of("compliance.no-release", key)).build());
            answers.add(ClauseAnswer.of("8.1").missing(Text.of("compliance.no-release", key)).build());
            answers.add(ClauseAnswer.of("7.8.4-dt..dy").missing(Text.of("compliance.nothing-released", key)).build());
            return answers;
        }
        Release latest = project.latest().get();
        answers.add(ClauseAnswer.of("B.1.3.1-ia").met(Evidence.onRelease(Evidence.Kind.RELEASE, latest.id().toString(),
                Text.of("compliance.releases", project.releaseCount(), latest.version(), latest.phase().name()),
                latest.id().toString())).build());
        answers.add(ClauseAnswer.of("8.1").met(Evidence.onRelease(Evidence.Kind.SETTING, latest.definition().toString(),
                Text.of("compliance.definition", latest.definition().id(), latest.definition().version(), latest.version()),
                latest.id().toString())).build());
        Optional<Release> released = project.latestReleased();
        if (released.isEmpty()) {
            answers.add(ClauseAnswer.of("7.8.4-dt..dy").missing(Text.of("compliance.nothing-released", key)).build());
            return answers;
        }
        Release r = released.get();
        String id = r.id().toString();
        Optional<byte[]> certificate = certificates.of(project.reader(), id);
        ClauseAnswer.Builder voucher = ClauseAnswer.of("7.8.4-dt..dy");
        ClauseAnswer.Builder online = ClauseAnswer.of("B.1.3.1-ii");
        if (certificate.isPresent()) {
            Evidence evidence = Evidence.onRelease(Evidence.Kind.CERTIFICATE, id, Text.of("compliance.certificate",
                    r.version(), certificate.get().length, sha256(certificate.get())), id);
            voucher.met(evidence);
            online.met(evidence);
        } else {
            voucher.missing(Text.of("compliance.certificate-missing", r.version()));
            online.missing(Text.of("compliance.certificate-missing", r.version()));
        }
        answers.add(voucher.build());
        answers.add(online.build());
        return answers;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
