package org.gatehouse.compliance;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.compliance.catalog.Clause;
import org.gatehouse.compliance.catalog.ClauseCatalog;
import org.gatehouse.compliance.report.ComplianceReport;
import org.gatehouse.documents.DocumentLanguage;
import org.gatehouse.documents.generation.DocumentFont;
import org.gatehouse.documents.generation.PdfRenderer;
import org.gatehouse.documents.store.Documents;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.identity.audit.AuditEntry;
import org.gatehouse.identity.audit.AuditTrail;
import org.gatehouse.workflow.project.Project;
import org.gatehouse.workflow.release.Release;
import org.gatehouse.workflow.release.ReleaseLifecycles;
import org.gatehouse.workflow.release.Releases;
import org.gatehouse.platform.sql.Jdbc;

/**
 * The compliance matrix (issue 9, ADR 0021): for each clause of the catalogue, whether a project meets it,
 * on which evidence, and what is missing — answered by every {@link ClauseCheck} bean, merged per clause
 * ({@link ClauseRow#merge}). Reading needs COMPLIANCE_READ in the project; the report's every read is
 * audited. An evaluation reads the project's release count, its latest and latest released release in one
 * query, then the checks' bounded reads of those: its cost does not grow with the number of releases.
 */
@ApplicationScoped
public class ComplianceMatrix {
    @Inject
    @Any
    Instance<ClauseCheck> checkBeans;

    @Inject
    org.gatehouse.workflow.project.Projects projects;

    @Inject
    Releases releases;

    @Inject
    ReleaseLifecycles lifecycles;

    @Inject
    Documents documents;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    private List<ClauseCheck> checks;

    /** A rendered report. */
    public record Report(Matrix matrix, DocumentLanguage language, boolean pdf, byte[] bytes) {
        public String fileName() {
            return "compliance-" + matrix.project() + "-" + language.tag() + (pdf ? ".pdf" : ".html");
        }
    }

    @PostConstruct
    void collectChecks() {
        checks = checkBeans.stream().sorted(Comparator.comparing(ClauseCheck::name)).toList();
        ComplianceChecks.validate(ClauseCatalog.standard(), checks);
    }

    /** The checks found (for the ADR's table and the tests). */
    public List<ClauseCheck> checks() {
        return checks;
    }

    /** The project's matrix now (COMPLIANCE_READ in the project). */
    @Transactional(Transactional.TxType.REQUIRED)
    public Matrix evaluate(Actor actor, String projectKey) {
        long started = System.nanoTime();
        Project project = projects.get(actor, Permission.COMPLIANCE_READ, projectKey);
        ReleaseFacts facts = jdbc(c -> ReleaseFacts.of(c, project.key().value()));
        Optional<Release> latest = facts.latest().map(id -> releases.get(actor, id.toString()));
        Optional<Release> released = facts.latestReleased().map(id -> releases.get(actor, id.toString()));
        String latestId = latest.map(r -> r.id().toString()).orElse("");
        ProjectEvidence evidence = new ProjectEvidence(actor, project, facts.count(), latest, released,
                () -> lifecycles.situation(actor, latestId).lifecycle(), () -> lifecycles.allGates(actor, latestId),
                () -> documents.list(actor, latestId), () -> lifecycles.signatures(actor, latestId));
        Map<String, List<ClauseAnswer>> answers = new LinkedHashMap<>();
        Map<String, List<String>> answeredBy = new LinkedHashMap<>();
        for (ClauseCheck check : checks) {
            for (ClauseAnswer answer : ComplianceChecks.answersOf(check, evidence)) {
                answers.computeIfAbsent(answer.clause(), k -> new ArrayList<>()).add(answer);
                answeredBy.computeIfAbsent(answer.clause(), k -> new ArrayList<>()).add(check.name());
            }
        }
        List<ClauseRow> rows = new ArrayList<>();
        for (Clause clause : ClauseCatalog.standard().all()) {
            rows.add(ClauseRow.merge(clause, answers.getOrDefault(clause.id(), List.of()),
                    answeredBy.getOrDefault(clause.id(), List.of())));
        }
        return new Matrix(project.key().value(), project.name(), project.protectionLevel().number(), facts.count(),
                latest.map(ComplianceMatrix::ref), released.map(ComplianceMatrix::ref), clock.instant(),
                (System.nanoTime() - started) / 1_000_000, rows);
    }

    /** The matrix as a report in zh-CN or English, HTML or PDF; every read is audited. */
    @Transactional(Transactional.TxType.REQUIRED)
    public Report report(Actor actor, String projectKey, Optional<String> languageText, Optional<String> formatText) {
        DocumentLanguage language = languageText.map(l -> DocumentLanguage.parse(l).orElseThrow(
                () -> new InvalidComplianceRequest("compliance.unknown-language", clip(l)))).orElse(DocumentLanguage.ZH_CN);
        String format = formatText.map(f -> f.strip().toLowerCase(java.util.Locale.ROOT)).orElse("html");
        if (!format.equals("html") && !format.equals("pdf")) {
            throw new InvalidComplianceRequest("compliance.unknown-format", clip(format));
        }
        Matrix matrix = evaluate(actor, projectKey);
        String html = ComplianceReport.render(matrix, language);
        boolean pdf = format.equals("pdf");
        byte[] bytes = pdf ? PdfRenderer.render(html, DocumentFont.locate().orElseThrow(() -> new IllegalStateException(
                "no CJK font for the PDF: the bundled Noto Sans SC is missing and GATEHOUSE_DOCUMENTS_FONT names no readable file")),
                ComplianceReport.title(language)) : html.getBytes(StandardCharsets.UTF_8);
        Map<ClauseStatus, Integer> counts = matrix.counts();
        audit.record(actor, AuditEntry.success("compliance.report-read", "project:" + matrix.project(), format + " "
                + language.tag() + " of the compliance matrix: " + counts.get(ClauseStatus.SATISFIED) + " satisfied, "
                + counts.get(ClauseStatus.PARTIAL) + " partial, " + counts.get(ClauseStatus.MISSING) + " missing, "
                + counts.get(ClauseStatus.MANUAL) + " manual, " + counts.get(ClauseStatus.NOT_APPLICABLE) + " not applicable"));
        return new Report(matrix, language, pdf, bytes);
    }

    private static Matrix.ReleaseRef ref(Release release) {
        return new Matrix.ReleaseRef(release.id().toString(), release.version(), release.phase().name());
    }

    private static String clip(String text) {
        String value = String.valueOf(text);
        return value.length() > 40 ? value.substring(0, 40) : value;
    }

    /** The release count and the two releases an evaluation reads, in one query over the project's index. */
    record ReleaseFacts(long count, Optional<UUID> latest, Optional<UUID> latestReleased) {
        static ReleaseFacts of(Connection c, String project) throws SQLException {
            try (PreparedStatement s = c.prepareStatement("SELECT (SELECT count(*) FROM release WHERE project_key = ?),"
                    + " (SELECT id FROM release WHERE project_key = ? ORDER BY id DESC LIMIT 1),"
                    + " (SELECT id FROM release WHERE project_key = ? AND phase = 'RELEASED' ORDER BY id DESC LIMIT 1)")) {
                s.setString(1, project);
                s.setString(2, project);
                s.setString(3, project);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return new ReleaseFacts(r.getLong(1), Optional.ofNullable(r.getObject(2, UUID.class)),
                            Optional.ofNullable(r.getObject(3, UUID.class)));
                }
            }
        }
    }

    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    <T> T jdbc(Work<T> work) {
        try {
            return work.on(Jdbc.enlisted(em.unwrap(Connection.class)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the compliance facts", e);
        }
    }

}
