package org.gatehouse.platform.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Plain JDBC for the few places that bypass JPA (bulk imports, scan bookkeeping): statements with
 * bound parameters only, never concatenated values.
 */
public final class Jdbc {
    private Jdbc() {
    }

    /**
     * The connection of the caller's transaction, checked to be one: {@code em.unwrap(Connection.class)} must be
     * passed through here. A connection in auto-commit would make every statement its own transaction, so a refusal
     * after a write would leave the write behind and transaction-scoped advisory locks (the audit chain's) would be
     * released at once; that silently broke atomicity until the persistence unit stopped asking EclipseLink for
     * exclusive connections, which it took from the non-transactional pool (ADR 0025).
     */
    public static Connection enlisted(Connection connection) {
        try {
            if (connection == null || connection.getAutoCommit()) {
                throw new IllegalStateException("JDBC work needs the caller's transaction, and there is none");
            }
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the connection's transaction", e);
        }
    }

    /** Maps the current row of a result. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Every row of a query on the caller's connection, mapped in order. */
    public static <T> List<T> list(Connection connection, String sql, Row<T> row, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            List<T> result = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(row.map(rows));
                }
            }
            return result;
        }
    }

    /** The first row of a query on the caller's connection, when there is one. */
    public static <T> Optional<T> first(Connection connection, String sql, Row<T> row, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(row.map(rows)) : Optional.empty();
            }
        }
    }

    /** Runs one statement on the caller's connection (and transaction). */
    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    /** Runs one statement on a connection of its own (auto-commit). */
    public static int update(DataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection()) {
            return update(connection, sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + sql.substring(0, Math.min(sql.length(), 60)), e);
        }
    }

    public static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
