package org.gatehouse.findings.inventory;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.workflow.lifecycle.DefaultDefinitions;
import org.gatehouse.workflow.lifecycle.Gate;
import org.gatehouse.workflow.lifecycle.GateContext;
import org.gatehouse.workflow.lifecycle.GateId;
import org.gatehouse.workflow.lifecycle.GateResult;

/**
 * C.4: every component of the release's inventory that the project flags as self-written
 * cryptography was implemented and reviewed by two different people ({@link CryptoReviews}); a
 * release without such components passes.
 */
@Dependent
public class CryptoDualControlGate implements Gate {
    private static final GateId ID = new GateId(DefaultDefinitions.CRYPTO_DUAL_CONTROL);

    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    @Override
    public GateId id() {
        return ID;
    }

    @Override
    public GateResult evaluate(GateContext context) {
        try (Connection c = dataSource.getConnection()) {
            List<String> unreviewed = Jdbc.list(c, "SELECT DISTINCT rc.identity FROM release_component rc"
                    + " JOIN component_import ci ON ci.import_id = rc.import_id"
                    + " JOIN release r ON r.id = ci.release_id"
                    + " JOIN component_flag f ON f.project_key = r.project_key AND f.identity = rc.identity"
                    + "   AND f.flag = 'SELF_WRITTEN_CRYPTO'"
                    + " WHERE rc.import_id IN (SELECT DISTINCT ON (scanner, category) import_id FROM component_import"
                    + "   WHERE release_id = ? ORDER BY scanner, category, imported_at DESC)"
                    + " AND NOT EXISTS (SELECT 1 FROM crypto_review v WHERE v.release_id = ci.release_id"
                    + "   AND v.identity = rc.identity AND v.implementer <> v.reviewer)"
                    + " ORDER BY rc.identity LIMIT 50", r -> r.getString(1), context.release().value());
            return unreviewed.isEmpty() ? GateResult.passed()
                    : GateResult.blocked("gate.crypto.unreviewed", unreviewed.size(), String.join(", ", unreviewed));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the crypto reviews", e);
        }
    }
}
