package org.gatehouse.findings.manual;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.scanner.api.Severity;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.api.ReleaseId;

/**
 * Reads the manual test records: a release's cases with their latest execution, one case, its
 * executions, and what the gate needs. The caller has checked who may read them.
 */
@ApplicationScoped
public class ManualTestRecords {
    /** Bounds what one case shows. */
    static final int MAX_EXECUTIONS = 1000;
    static final String CASE_COLUMNS = "SELECT c.id, c.release_id, c.project_key, c.case_key, c.title, c.steps,"
            + " c.expected_result, c.requirement_refs, c.origin, c.checklist_item, c.created_by, c.created_at,"
            + " l.result, l.executed_at, l.tester FROM manual_test_case c"
            + " LEFT JOIN LATERAL (SELECT e.result, e.executed_at, e.tester FROM manual_test_execution e"
            + "   WHERE e.test_case_id = c.id ORDER BY e.seq DESC LIMIT 1) l ON true";

    static final String EXECUTION_COLUMNS = "SELECT id, test_case_id, result, tester, executed_at, notes, evidence,"
            + " evidence_url, severity, finding_id FROM manual_test_execution";

    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    /** The release's cases in key order. */
    public List<TestCase> casesOf(ReleaseId release) {
        return query(CASE_COLUMNS + " WHERE c.release_id = ? ORDER BY c.case_key", ManualTestRecords::testCase,
                release.value());
    }

    public Optional<TestCase> find(UUID id) {
        return query(CASE_COLUMNS + " WHERE c.id = ?", ManualTestRecords::testCase, id).stream().findFirst();
    }

    /** A case's executions, newest first. */
    public List<Execution> executionsOf(UUID testCase) {
        return query(EXECUTION_COLUMNS + " WHERE test_case_id = ? ORDER BY seq DESC LIMIT ?",
                ManualTestRecords::execution, testCase, MAX_EXECUTIONS);
    }

    /** Every case's key and latest result, for the gate. */
    public List<ManualTestVerdict.CaseStatus> statuses(ReleaseId release) {
        return query("SELECT c.case_key, (SELECT e.result FROM manual_test_execution e WHERE e.test_case_id = c.id"
                + " ORDER BY e.seq DESC LIMIT 1) FROM manual_test_case c WHERE c.release_id = ? ORDER BY c.case_key",
                r -> new ManualTestVerdict.CaseStatus(r.getString(1),
                        Optional.ofNullable(r.getString(2)).map(TestResult::valueOf)),
                release.value());
    }

    static TestCase testCase(ResultSet r) throws SQLException {
        Array refs = r.getArray(8);
        String result = r.getString(13);
        Optional<TestCase.Latest> latest = result == null ? Optional.empty()
                : Optional.of(new TestCase.Latest(TestResult.valueOf(result), r.getObject(14, OffsetDateTime.class),
                        r.getString(15)));
        return new TestCase(r.getObject(1, UUID.class), new ReleaseId(r.getObject(2, UUID.class)),
                new ProjectKey(r.getString(3)), r.getString(4), r.getString(5), r.getString(6), r.getString(7),
                Arrays.asList((String[]) refs.getArray()), TestOrigin.valueOf(r.getString(9)),
                Optional.ofNullable(r.getString(10)), r.getString(11), r.getObject(12, OffsetDateTime.class), latest);
    }

    static Execution execution(ResultSet r) throws SQLException {
        return new Execution(r.getObject(1, UUID.class), r.getObject(2, UUID.class), TestResult.valueOf(r.getString(3)),
                r.getString(4), r.getObject(5, OffsetDateTime.class), Optional.ofNullable(r.getString(6)),
                Optional.ofNullable(r.getString(7)), Optional.ofNullable(r.getString(8)),
                Optional.ofNullable(r.getString(9)).map(Severity::valueOf), Optional.ofNullable(r.getObject(10, UUID.class)));
    }

    interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    private <T> List<T> query(String sql, Row<T> row, Object... parameters) {
        try (Connection c = dataSource.getConnection()) {
            return query(c, sql, row, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the manual tests", e);
        }
    }

    static <T> List<T> query(Connection c, String sql, Row<T> row, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.bind(s, parameters);
            List<T> result = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    result.add(row.map(r));
                }
            }
            return result;
        }
    }
}
