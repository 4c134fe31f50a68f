package org.gatehouse.findings.inventory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.gatehouse.platform.id.Uuid7;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.platform.time.UtcTime;
import org.gatehouse.scanner.api.ComponentHash;
import org.gatehouse.scanner.api.ComponentReporter;
import org.gatehouse.scanner.api.ReportParseException;
import org.gatehouse.scanner.api.ReportSource;
import org.gatehouse.scanner.api.ReportedComponent;
import org.gatehouse.scanner.api.ReportedFinding;
import org.gatehouse.scanner.api.ReportedLicence;
import org.gatehouse.scanner.api.ScannerPlugin;
import org.gatehouse.workflow.api.ProjectKey;
import org.gatehouse.workflow.api.ReleaseId;

/**
 * The software inventory of an import (C.4), written by the import pipeline on its own connection
 * and transaction, so that the inventory and the findings commit together or not at all (ADR 0020).
 * For a plugin that reports components, the bill is read twice: first the components go into
 * {@code release_component} with the verdicts of the project's licence policy; then the policy
 * turns each component into the findings the pipeline reconciles like any other report (a denied,
 * not listed or unknown licence is a finding; an allowed one is none). Other plugins' findings are
 * read as they are.
 */
@ApplicationScoped
public class ComponentInventory {
    private static final int BATCH = 500;
    private static final int MAX_TEXT = 2_000;

    @Inject
    Clock clock;

    /** How the pipeline reads a report's findings. */
    @FunctionalInterface
    public interface FindingReader {
        void read(ReportSource source, Consumer<ReportedFinding> sink) throws ReportParseException;
    }

    /** Where an import goes. */
    public record Target(UUID importId, ProjectKey project, ReleaseId release, String scanner, String category) {
    }

    /**
     * The findings pass of the plugin; for a {@link ComponentReporter}, after storing the components of
     * the report (the caller rolls back when this throws).
     */
    public FindingReader readerFor(Connection c, Target target, ScannerPlugin plugin, ReportSource source)
            throws SQLException, ReportParseException {
        if (!(plugin instanceof ComponentReporter reporter)) {
            return plugin::parse;
        }
        LicencePolicy policy = LicencePolicies.load(c, target.project()).policy();
        store(c, target, reporter, source, policy);
        return (again, sink) -> reporter.components(again, component -> policy.findings(component).forEach(sink));
    }

    private void store(Connection c, Target target, ComponentReporter reporter, ReportSource source, LicencePolicy policy)
            throws SQLException, ReportParseException {
        Jdbc.update(c, "INSERT INTO component_import (import_id, release_id, scanner, category, components, imported_at)"
                + " VALUES (?, ?, ?, ?, 0, ?)", target.importId(), target.release().value(), target.scanner(),
                target.category(), UtcTime.now(clock));
        try (PreparedStatement components = c.prepareStatement("INSERT INTO release_component (id, import_id, ordinal,"
                + " depth, bom_ref, type, grp, name, version, purl, identity, hashes, verdict)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement licences = c.prepareStatement("INSERT INTO release_component_licence (component_id,"
                        + " position, kind, value, verdict) VALUES (?, ?, ?, ?, ?)")) {
            Rows rows = new Rows(c, target.importId(), components, licences, policy);
            try {
                reporter.components(source, rows);
                rows.flush();
            } catch (RowsFailed e) {
                throw e.sqlCause();
            }
            Jdbc.update(c, "UPDATE component_import SET components = ? WHERE import_id = ?", rows.count,
                    target.importId());
        }
    }

    /** Text as stored: NUL removed (PostgreSQL text cannot hold it), at most {@value #MAX_TEXT} characters. */
    static String stored(String text) {
        String clean = text.indexOf('\0') < 0 ? text : text.replace("\0", "");
        return clean.length() > MAX_TEXT ? clean.substring(0, MAX_TEXT) : clean;
    }

    /** Batches of component and licence rows, sent every {@value #BATCH} components. */
    private final class Rows implements Consumer<ReportedComponent> {
        private final Connection c;
        private final UUID importId;
        private final PreparedStatement components;
        private final PreparedStatement licences;
        private final LicencePolicy policy;
        private int count;
        private int pending;

        Rows(Connection c, UUID importId, PreparedStatement components, PreparedStatement licences, LicencePolicy policy) {
            this.c = c;
            this.importId = importId;
            this.components = components;
            this.licences = licences;
            this.policy = policy;
        }

        @Override
        public void accept(ReportedComponent component) {
            try {
                UUID id = Uuid7.next(clock);
                Jdbc.bind(components, id, importId, ++count, component.depth(), component.bomRef().map(
                        ComponentInventory::stored).orElse(null), stored(component.type()), stored(component.group()),
                        stored(component.name()), stored(component.version()), component.purl().map(
                                ComponentInventory::stored).orElse(null), stored(component.identity()),
                        c.createArrayOf("text", component.hashes().stream().map(ComponentHash::toString)
                                .map(ComponentInventory::stored).toArray()), policy.verdict(component).name());
                components.addBatch();
                List<ReportedLicence> stated = component.licencesOrNone().stream().distinct().toList();
                for (int i = 0; i < stated.size(); i++) {
                    ReportedLicence licence = stated.get(i);
                    Jdbc.bind(licences, id, i + 1, licence.kind().name(), stored(licence.value()),
                            policy.verdict(licence).name());
                    licences.addBatch();
                }
                if (++pending >= BATCH) {
                    flush();
                }
            } catch (SQLException e) {
                throw new RowsFailed(e);
            }
        }

        void flush() throws SQLException {
            if (pending > 0) {
                components.executeBatch();
                licences.executeBatch();
                pending = 0;
            }
        }
    }

    /** The database refused a batch (carried through the plugin's sink). */
    private static final class RowsFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RowsFailed(SQLException cause) {
            super(cause);
        }

        SQLException sqlCause() {
            return (SQLException) getCause();
        }
    }
}
