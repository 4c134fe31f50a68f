package org.gatehouse.web.system;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready means: the migrations are done and the database answers now. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {
    @Inject
    DatabaseMigration migration;

    @Resource(lookup = GatehouseDataSource.JNDI_NAME)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        boolean migrated = migration.isComplete();
        boolean answers = false;
        if (migrated) {
            try (Connection connection = dataSource.getConnection()) {
                answers = connection.isValid(2);
            } catch (SQLException e) {
                answers = false;
            }
        }
        return HealthCheckResponse.named("database")
                .status(migrated && answers)
                .withData("migrated", migrated)
                .withData("reachable", answers)
                .build();
    }
}
