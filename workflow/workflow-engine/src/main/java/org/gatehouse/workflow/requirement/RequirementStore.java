package org.gatehouse.workflow.requirement;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.identity.access.Role;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.workflow.api.ReleaseId;

/** The rows of requirements, risk assessments and sign-offs; bound parameters only, on the caller's connection. */
final class RequirementStore {
    private static final String COLUMNS = "id, req_key, clause, title, title_zh, description, ticket_key, test_point, origin,"
            + " created_by, created_at, updated_at, withdrawn_at, scan_cwes";

    private RequirementStore() {
    }

    static List<Requirement> requirements(Connection c, ReleaseId release) throws SQLException {
        return Jdbc.list(c, "SELECT " + COLUMNS + " FROM security_requirement WHERE release_id = ? ORDER BY req_key"
                + " LIMIT 5000", r -> new Requirement(r.getObject(1, UUID.class), r.getString(2), text(r, 3), r.getString(4),
                        text(r, 5), text(r, 6), text(r, 7), text(r, 8), Requirement.Origin.valueOf(r.getString(9)),
                        r.getString(10), instant(r, 11), instant(r, 12), Optional.ofNullable(r.getTimestamp(13))
                                .map(Timestamp::toInstant), cwes(r, 14)), release.value());
    }

    /** Inserts a requirement unless the release has its key already; true when inserted. */
    static boolean insert(Connection c, ReleaseId release, UUID id, String key, String clause, String title, String titleZh,
            String description, String ticket, String testPoint, List<Integer> scanCwes, Requirement.Origin origin, String by,
            Instant at) throws SQLException {
        return Jdbc.update(c, "INSERT INTO security_requirement (id, release_id, req_key, clause, title, title_zh,"
                + " description, ticket_key, test_point, scan_cwes, origin, created_by, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (release_id, req_key) DO NOTHING",
                id, release.value(), key, clause, title, titleZh, description, ticket, testPoint, array(c, scanCwes),
                origin.name(), by, utc(at), utc(at)) == 1;
    }

    static boolean update(Connection c, ReleaseId release, String key, String title, String description, String ticket,
            String testPoint, List<Integer> scanCwes, Instant at) throws SQLException {
        return Jdbc.update(c, "UPDATE security_requirement SET title = ?, description = ?, ticket_key = ?, test_point = ?,"
                + " scan_cwes = ?, updated_at = ? WHERE release_id = ? AND req_key = ? AND withdrawn_at IS NULL", title,
                description, ticket, testPoint, array(c, scanCwes), utc(at), release.value(), key) == 1;
    }

    private static java.sql.Array array(Connection c, List<Integer> cwes) throws SQLException {
        return c.createArrayOf("int4", cwes.toArray());
    }

    private static List<Integer> cwes(java.sql.ResultSet r, int column) throws SQLException {
        java.sql.Array array = r.getArray(column);
        return array == null ? List.of() : List.of((Integer[]) array.getArray());
    }

    static boolean withdraw(Connection c, ReleaseId release, String key, Instant at) throws SQLException {
        return Jdbc.update(c, "UPDATE security_requirement SET withdrawn_at = ?, updated_at = ? WHERE release_id = ?"
                + " AND req_key = ? AND withdrawn_at IS NULL", utc(at), utc(at), release.value(), key) == 1;
    }

    static int projectRequirementCount(Connection c, ReleaseId release) throws SQLException {
        return Jdbc.first(c, "SELECT count(*) FROM security_requirement WHERE release_id = ? AND origin = 'PROJECT'",
                r -> r.getInt(1), release.value()).orElse(0);
    }

    static Optional<RiskAssessment> assessment(Connection c, ReleaseId release) throws SQLException {
        return Jdbc.first(c, "SELECT asset_value, likelihood, impact, threats, business_loss, assessed_by, assessed_at"
                + " FROM risk_assessment WHERE release_id = ?", r -> new RiskAssessment(new RiskRating(r.getInt(1), r.getInt(2),
                        r.getInt(3)), r.getString(4), r.getString(5), r.getString(6), instant(r, 7)), release.value());
    }

    static void saveAssessment(Connection c, ReleaseId release, RiskAssessment assessment) throws SQLException {
        RiskRating rating = assessment.rating();
        Jdbc.update(c, "INSERT INTO risk_assessment (release_id, asset_value, likelihood, impact, assessed_level, threats,"
                + " business_loss, assessed_by, assessed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (release_id)"
                + " DO UPDATE SET asset_value = EXCLUDED.asset_value, likelihood = EXCLUDED.likelihood,"
                + " impact = EXCLUDED.impact, assessed_level = EXCLUDED.assessed_level, threats = EXCLUDED.threats,"
                + " business_loss = EXCLUDED.business_loss, assessed_by = EXCLUDED.assessed_by,"
                + " assessed_at = EXCLUDED.assessed_at", release.value(), (short) rating.assetValue(),
                (short) rating.likelihood(), (short) rating.impact(), (short) rating.level().number(), assessment.threats(),
                assessment.businessLoss(), assessment.assessedBy(), utc(assessment.assessedAt()));
    }

    static List<SignOff> signOffs(Connection c, ReleaseId release) throws SQLException {
        return Jdbc.list(c, "SELECT subject, content_sha256, role, signer, signed_at, comment FROM sign_off"
                + " WHERE release_id = ? ORDER BY signed_at, id LIMIT 5000", r -> new SignOff(SignOffSubject.valueOf(
                        r.getString(1)), r.getString(2), Role.valueOf(r.getString(3)), r.getString(4), instant(r, 5),
                        text(r, 6)), release.value());
    }

    static void insert(Connection c, ReleaseId release, UUID id, SignOff signOff) throws SQLException {
        Jdbc.update(c, "INSERT INTO sign_off (id, release_id, subject, content_sha256, role, signer, signed_at, comment)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, release.value(), signOff.subject().name(), signOff.contentSha256(),
                signOff.role().name(), signOff.signer(), utc(signOff.signedAt()), signOff.comment().orElse(null));
    }

    static List<DesignRecommendation> designs(Connection c, ReleaseId release) throws SQLException {
        return Jdbc.list(c, "SELECT rec_key, topic, subject, recommendation, requirements, decision, decision_note,"
                + " created_by, updated_at FROM design_recommendation WHERE release_id = ?"
                + " ORDER BY length(rec_key), rec_key LIMIT 5000", r -> new DesignRecommendation(r.getString(1),
                        DesignRecommendation.Topic.valueOf(r.getString(2)), r.getString(3), r.getString(4),
                        r.getString(5).isEmpty() ? List.of() : List.of(r.getString(5).split(",")),
                        DesignRecommendation.Decision.valueOf(r.getString(6)), text(r, 7), r.getString(8), instant(r, 9)),
                release.value());
    }

    static void saveDesign(Connection c, ReleaseId release, UUID id, DesignRecommendation d) throws SQLException {
        Jdbc.update(c, "INSERT INTO design_recommendation (id, release_id, rec_key, topic, subject, recommendation,"
                + " requirements, decision, decision_note, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (release_id, rec_key) DO UPDATE SET topic = EXCLUDED.topic, subject = EXCLUDED.subject,"
                + " recommendation = EXCLUDED.recommendation, requirements = EXCLUDED.requirements,"
                + " decision = EXCLUDED.decision, decision_note = EXCLUDED.decision_note, updated_at = EXCLUDED.updated_at",
                id, release.value(), d.key(), d.topic().name(), d.subject(), d.recommendation(),
                String.join(",", d.requirements()), d.decision().name(), d.decisionNote().orElse(null), d.createdBy(),
                utc(d.updatedAt()));
    }

    static Optional<AuditConclusion> audit(Connection c, ReleaseId release) throws SQLException {
        return Jdbc.first(c, "SELECT verdict, conclusion, written_by, written_at FROM audit_conclusion WHERE release_id = ?",
                r -> new AuditConclusion(AuditConclusion.Verdict.valueOf(r.getString(1)), r.getString(2), r.getString(3),
                        instant(r, 4)), release.value());
    }

    static void saveAudit(Connection c, ReleaseId release, AuditConclusion a) throws SQLException {
        Jdbc.update(c, "INSERT INTO audit_conclusion (release_id, verdict, conclusion, written_by, written_at)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (release_id) DO UPDATE SET verdict = EXCLUDED.verdict,"
                + " conclusion = EXCLUDED.conclusion, written_by = EXCLUDED.written_by, written_at = EXCLUDED.written_at",
                release.value(), a.verdict().name(), a.conclusion(), a.writtenBy(), utc(a.writtenAt()));
    }

    static List<PreProductionChecklist.Check> checklist(Connection c, ReleaseId release) throws SQLException {
        return Jdbc.list(c, "SELECT item, checked, note, checked_by, checked_at FROM pre_production_item"
                + " WHERE release_id = ? ORDER BY item", r -> new PreProductionChecklist.Check(r.getString(1), r.getBoolean(2),
                        text(r, 3), r.getString(4), instant(r, 5)), release.value());
    }

    static void saveCheck(Connection c, ReleaseId release, PreProductionChecklist.Check check) throws SQLException {
        Jdbc.update(c, "INSERT INTO pre_production_item (release_id, item, checked, note, checked_by, checked_at)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (release_id, item) DO UPDATE SET checked = EXCLUDED.checked,"
                + " note = EXCLUDED.note, checked_by = EXCLUDED.checked_by, checked_at = EXCLUDED.checked_at",
                release.value(), check.item(), check.checked(), check.note().orElse(null), check.by(), utc(check.at()));
    }

    static Optional<CodingStandard> codingStandard(Connection c, ReleaseId release) throws SQLException {
        return Jdbc.first(c, "SELECT name, version, location, document_sha256, attached_by, attached_at FROM coding_standard"
                + " WHERE release_id = ?", r -> new CodingStandard(r.getString(1), r.getString(2), text(r, 3), text(r, 4),
                        r.getString(5), instant(r, 6)), release.value());
    }

    static void saveCodingStandard(Connection c, ReleaseId release, CodingStandard standard) throws SQLException {
        Jdbc.update(c, "INSERT INTO coding_standard (release_id, name, version, location, document_sha256, attached_by,"
                + " attached_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (release_id) DO UPDATE SET name = EXCLUDED.name,"
                + " version = EXCLUDED.version, location = EXCLUDED.location, document_sha256 = EXCLUDED.document_sha256,"
                + " attached_by = EXCLUDED.attached_by, attached_at = EXCLUDED.attached_at", release.value(),
                standard.name(), standard.version(), standard.location().orElse(null),
                standard.documentSha256().orElse(null), standard.attachedBy(), utc(standard.attachedAt()));
    }

    private static Optional<String> text(ResultSet r, int column) throws SQLException {
        return Optional.ofNullable(r.getString(column));
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        return r.getTimestamp(column).toInstant();
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
