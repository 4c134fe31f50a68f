package org.gatehouse.web.system;

import jakarta.annotation.sql.DataSourceDefinition;

/**
 * The datasource, and a second pool of the same database for the imports. Its coordinates come from MicroProfile Config: {@code gatehouse.db.url},
 * {@code .user}, {@code .password}, which the environment variables {@code GATEHOUSE_DB_URL}, … set
 * (the launcher sets them for the embedded PostgreSQL; ADR 0002). Payara resolves the placeholders
 * at deployment, so no secret is in the WAR.
 */
@DataSourceDefinition(
        name = GatehouseDataSource.JNDI_NAME,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=gatehouse.db.url}",
        user = "${MPCONFIG=gatehouse.db.user}",
        password = "${MPCONFIG=gatehouse.db.password}",
        minPoolSize = 2,
        maxPoolSize = 20,
        properties = {
            "ApplicationName=gatehouse",
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=meta-data",
            "fish.payara.fail-all-connections=true"
        })
@DataSourceDefinition(
        name = GatehouseDataSource.IMPORTS_JNDI_NAME,
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=gatehouse.db.url}",
        user = "${MPCONFIG=gatehouse.db.user}",
        password = "${MPCONFIG=gatehouse.db.password}",
        transactional = false,
        minPoolSize = 0,
        maxPoolSize = 8,
        properties = {
            "ApplicationName=gatehouse-imports",
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=meta-data",
            "fish.payara.fail-all-connections=true"
        })
public final class GatehouseDataSource {
    public static final String JNDI_NAME = "java:app/jdbc/gatehouse";
    /**
     * The findings imports' own connections (issue 4, ADR 0007): each import is one transaction of its own, and a
     * connection of this pool is never enlisted in a container transaction. A streamed import holds its connection on
     * the request thread while that thread runs container transactions (an idempotency key, a release opened by
     * version); a connection of the transactional pool would be enlisted in them, and their end would commit the
     * import's uncommitted rows (seen: an orphaned occurrence, then "Cannot commit when autoCommit is enabled").
     */
    public static final String IMPORTS_JNDI_NAME = "java:app/jdbc/gatehouse-imports";

    private GatehouseDataSource() {
    }
}
