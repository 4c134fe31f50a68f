package org.gatehouse.web.system;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date before any request is served: Flyway migrations are the only way
 * the schema changes (JPA never generates it). A failed migration fails the deployment, and the
 * launcher and test harness stop on that (ADR 0002).
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseMigration {
    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = GatehouseDataSource.JNDI_NAME)
    DataSource dataSource;

    private volatile boolean complete;

    @PostConstruct
    void migrate() {
        try {
            MigrateResult result = Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .validateMigrationNaming(true)
                    .cleanDisabled(true)
                    .load()
                    .migrate();
            complete = true;
            LOG.info(() -> "Gatehouse database schema at version " + result.targetSchemaVersion + " ("
                    + result.migrationsExecuted + " migrations applied now)");
        } catch (RuntimeException e) {
            LOG.severe("Gatehouse database migration failed: " + e.getMessage());
            throw new IllegalStateException("Gatehouse database migration failed: " + e.getMessage(), e);
        }
    }

    public boolean isComplete() {
        return complete;
    }
}
