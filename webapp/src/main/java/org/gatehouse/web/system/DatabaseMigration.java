package org.gatehouse.web.system;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import jakarta.inject.Inject;
import org.gatehouse.findings.finding.AcceptanceExpiry;
import org.gatehouse.findings.importing.ReportImports;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.gatehouse.identity.account.AdminBootstrap;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date before any request is served: Flyway migrations are the only way
 * the schema changes (JPA never generates it). They run as the owner role
 * ({@code gatehouse.db.owner.user}); the application's datasource uses a role that only gets the
 * rights the migrations grant it ({@code ${appRole}}). A failed migration fails the deployment, and
 * the launcher and test harness stop on that (ADR 0002, ADR 0005).
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseMigration {
    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Inject
    org.gatehouse.notify.relay.OutboxRelay outboxRelay;

    @Inject
    @ConfigProperty(name = "gatehouse.db.url")
    String url;

    @Inject
    @ConfigProperty(name = "gatehouse.db.user")
    String appUser;

    @Inject
    @ConfigProperty(name = "gatehouse.db.password", defaultValue = "")
    String appPassword;

    @Inject
    @ConfigProperty(name = "gatehouse.db.owner.user")
    Optional<String> ownerUser;

    @Inject
    @ConfigProperty(name = "gatehouse.db.owner.password")
    Optional<String> ownerPassword;

    private static final Pattern SAFE_ROLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    @Inject
    AdminBootstrap adminBootstrap;

    @Inject
    ReportImports reportImports;

    @Inject
    AcceptanceExpiry acceptanceExpiry;

    @Inject
    org.gatehouse.tracking.sync.TrackerSchedule trackerSchedule;

    @Inject
    org.gatehouse.findings.importing.PreparedImports preparedImports;

    @Inject
    org.gatehouse.scans.WhiteBoxScans whiteBoxScans;

    @Inject
    org.gatehouse.scans.BlackBoxScans blackBoxScans;

    @Inject
    org.gatehouse.workflow.release.ReleaseRepository releaseRepository;

    /** C.1: records role suspensions of lapsed vetting (ADR 0019). */
    @Inject
    org.gatehouse.workflow.personnel.PersonnelSweep personnelSweep;

    private volatile boolean complete;

    @PostConstruct
    void migrate() {
        try {
            if (!SAFE_ROLE.matcher(appUser).matches()) {
                throw new IllegalStateException("the database user must be a plain identifier: " + appUser);
            }
            // The owner role runs the migrations; the application role only gets the rights they grant.
            String owner = ownerUser.filter(u -> !u.isBlank()).orElse(appUser);
            String password = ownerUser.filter(u -> !u.isBlank()).isPresent() ? ownerPassword.orElse("") : appPassword;
            MigrateResult result = Flyway.configure(getClass().getClassLoader())
                    .dataSource(url, owner, password)
                    .placeholders(Map.of("appRole", appUser))
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .validateMigrationNaming(true)
                    .cleanDisabled(true)
                    .load()
                    .migrate();
            adminBootstrap.ensureAdministrator();
            preparedImports.start(); // before the interrupted imports are failed: a completed one's findings commit
            int interrupted = reportImports.failInterrupted();
            if (interrupted > 0) {
                LOG.warning(() -> interrupted + " report imports were interrupted by the last stop and are marked failed");
            }
            int scans = whiteBoxScans.failInterrupted();
            if (scans > 0) {
                LOG.warning(() -> scans + " scans were interrupted by the last stop and are marked failed");
            }
            int resumed = blackBoxScans.resumeInterrupted(id -> releaseRepository.find(new org.gatehouse.workflow.api.ReleaseId(id)));
            if (resumed > 0) {
                LOG.info(() -> resumed + " black-box scans resumed");
            }
            acceptanceExpiry.start();
            outboxRelay.start();
            trackerSchedule.start();
            personnelSweep.start();
            complete = true;
            LOG.info(() -> "Gatehouse database schema at version " + result.targetSchemaVersion + " ("
                    + result.migrationsExecuted + " migrations applied now)");
        } catch (RuntimeException e) {
            LOG.severe("Gatehouse database migration or bootstrap failed: " + e.getMessage());
            throw new IllegalStateException("Gatehouse database migration failed: " + e.getMessage(), e);
        }
    }

    public boolean isComplete() {
        return complete;
    }
}
