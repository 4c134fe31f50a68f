package org.gatehouse.compliance.check;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gatehouse.compliance.ClauseAnswer;
import org.gatehouse.compliance.ClauseCheck;
import org.gatehouse.compliance.Evidence;
import org.gatehouse.compliance.ProjectEvidence;
import org.gatehouse.compliance.Text;
import org.gatehouse.documents.DocumentKind;
import org.gatehouse.documents.store.DocumentVersion;
import org.gatehouse.workflow.signing.DecisionSignatures;

/**
 * The generated documents of B.1.3.1 as evidence (the latest release's newest version of each kind the
 * reader may see, with its signed, time-stamped issuing decision checked now), the document store of C.3
 * (classification, distribution scope, versions, access log) and the file service of 7.8.6.
 */
@ApplicationScoped
public class ReleaseDocumentsCheck implements ClauseCheck {
    static final Map<String, List<DocumentKind>> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("B.1.3.1-ib", List.of(DocumentKind.SECURITY_REQUIREMENTS, DocumentKind.TEST_RECOMMENDATIONS));
        KINDS.put("B.1.3.1-ic", List.of(DocumentKind.DESIGN_RECOMMENDATIONS));
        KINDS.put("B.1.3.1-if", List.of(DocumentKind.CODE_SCAN_REPORT));
        KINDS.put("B.1.3.1-ig", List.of(DocumentKind.SECURITY_TEST_REPORT));
        KINDS.put("B.1.3.1-ih", List.of(DocumentKind.SECURITY_AUDIT_REPORT));
    }

    private static final Set<String> CLAUSES;

    static {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(KINDS.keySet());
        all.add("C.3");
        all.add("7.8.6-ef..ej");
        CLAUSES = java.util.Collections.unmodifiableSet(all);
    }

    @Override
    public Set<String> clauses() {
        return CLAUSES;
    }

    @Override
    public List<ClauseAnswer> evaluate(ProjectEvidence project) {
        if (project.latest().isEmpty()) {
            return List.of(); // the gate check says there is no release yet
        }
        String release = project.latest().get().id().toString();
        String version = project.latest().get().version();
        Map<DocumentKind, DocumentVersion> newest = new LinkedHashMap<>();
        project.documents().stream().sorted(Comparator.comparing(DocumentVersion::generatedAt).reversed())
                .forEach(d -> newest.putIfAbsent(d.kind(), d));
        Map<String, DecisionSignatures.Checked> signatures = new LinkedHashMap<>();
        project.signatures().forEach(s -> signatures.put(s.subject(), s));
        List<ClauseAnswer> answers = new ArrayList<>();
        for (Map.Entry<String, List<DocumentKind>> entry : KINDS.entrySet()) {
            ClauseAnswer.Builder answer = ClauseAnswer.of(entry.getKey());
            for (DocumentKind kind : entry.getValue()) {
                DocumentVersion d = newest.get(kind);
                if (d == null) {
                    answer.missing(Text.of("compliance.document-missing", kind.slug(), version));
                    continue;
                }
                Optional<DecisionSignatures.Checked> signed = Optional.ofNullable(signatures.get("document:" + kind.slug()
                        + ":" + d.language().tag() + ":v" + d.version()));
                String state = signed.map(s -> s.valid() ? (s.timeStampedAt().isPresent() ? "valid, time-stamped" : "valid")
                        : "INVALID").orElse("unsigned");
                Evidence evidence = Evidence.document(d.id().toString(), Text.of("compliance.document-evidence", kind.slug(),
                        d.language().tag(), d.version(), d.classification().name(), state, d.generatedBy()), release);
                if (signed.isPresent() && signed.get().valid()) {
                    answer.met(evidence);
                } else {
                    answer.context(evidence).missing(Text.of("compliance.document-unsigned", kind.slug(), d.version()));
                }
            }
            answers.add(answer.build());
        }
        answers.add(store(newest.values(), release, version));
        answers.add(fileService());
        return answers;
    }

    /** C.3: the store enforces classification and scope on every read and logs it; the documents show it is used. */
    private static ClauseAnswer store(java.util.Collection<DocumentVersion> documents, String release, String version) {
        ClauseAnswer.Builder answer = ClauseAnswer.of("C.3")
                .auditorChecks(Text.of("compliance.auditor.archive-rules"));
        if (documents.isEmpty()) {
            return answer.missing(Text.of("compliance.no-documents", version)).build();
        }
        for (DocumentVersion d : documents) {
            answer.met(Evidence.document(d.id().toString(), Text.of("compliance.document-classified", d.kind().slug(),
                    d.version(), d.classification().name(), String.join(", ", d.distribution().stream().map(Enum::name)
                            .toList()), d.changeNote()), release));
        }
        return answer.build();
    }

    /**
     * 7.8.6: rights and an access log per document; uploaded classified documents encrypted at rest and a quota per
     * project (ADR 0024); generated confidential documents are not encrypted yet and uploads are not scanned.
     */
    private static ClauseAnswer fileService() {
        return ClauseAnswer.of("7.8.6-ef..ej")
                .met(Evidence.of(Evidence.Kind.SETTING, "documents.scope-and-access-log", Text.of("compliance.file-rights")))
                .met(Evidence.of(Evidence.Kind.SETTING, "documents.encryption-and-quota", Text.of("compliance.file-encrypted")))
                .missing(Text.of("compliance.file-no-encryption")).build();
    }
}
