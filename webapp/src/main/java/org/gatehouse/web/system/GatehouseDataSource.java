package org.gatehouse.web.system;

import jakarta.annotation.sql.DataSourceDefinition;

/**
 * The one datasource. Its coordinates come from MicroProfile Config: {@code gatehouse.db.url},
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
public final class GatehouseDataSource {
    public static final String JNDI_NAME = "java:app/jdbc/gatehouse";

    private GatehouseDataSource() {
    }
}
