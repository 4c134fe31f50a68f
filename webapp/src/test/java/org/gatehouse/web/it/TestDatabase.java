package org.gatehouse.web.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import org.gatehouse.launcher.DatabaseCoordinates;
import org.gatehouse.launcher.EmbeddedDatabase;

/**
 * A fresh, real PostgreSQL database for one test run: the embedded PostgreSQL in a scratch
 * directory, or, when {@code GATEHOUSE_TEST_DB_URL} is set (with {@code GATEHOUSE_TEST_DB_USER} and
 * {@code GATEHOUSE_TEST_DB_PASSWORD}; the user needs CREATEDB), a new database on that server that
 * is dropped afterwards.
 */
public interface TestDatabase extends AutoCloseable {

    /** What the application connects with. */
    DatabaseCoordinates application();

    /** A role that can act behind the application's back (tamper tests). */
    DatabaseCoordinates superuser();

    @Override
    void close();

    static TestDatabase create(Path scratch) {
        String external = System.getenv("GATEHOUSE_TEST_DB_URL");
        try {
            if (external != null && !external.isBlank()) {
                return new External(external, System.getenv("GATEHOUSE_TEST_DB_USER"),
                        System.getenv("GATEHOUSE_TEST_DB_PASSWORD"));
            }
            Files.createDirectories(scratch);
            return new Embedded(EmbeddedDatabase.startTemporary(Files.createTempDirectory(scratch, "pg")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the test database: " + e.getMessage(), e);
        }
    }

    /** The role that owns the schema and runs the migrations, on the application's database. */
    default DatabaseCoordinates owner() {
        DatabaseCoordinates c = application();
        return new DatabaseCoordinates(c.url(), c.ownerUser(), c.ownerPassword());
    }

    /** Runs statements on the application's database as the given role. */
    default void execute(DatabaseCoordinates as, String... statements) {
        try (Connection connection = DriverManager.getConnection(as.url(), as.user(), as.password());
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The embedded default. */
    final class Embedded implements TestDatabase {
        private final EmbeddedDatabase database;

        Embedded(EmbeddedDatabase database) {
            this.database = database;
        }

        @Override
        public DatabaseCoordinates application() {
            return database.coordinates();
        }

        @Override
        public DatabaseCoordinates superuser() {
            return database.superuserCoordinates(EmbeddedDatabase.DATABASE);
        }

        @Override
        public void close() {
            database.close();
        }
    }

    /** A new database on an external server. */
    final class External implements TestDatabase {
        private final String serverUrl;
        private final String user;
        private final String password;
        private final String name;

        External(String serverUrl, String user, String password) throws SQLException {
            this.serverUrl = serverUrl;
            this.user = user;
            this.password = password;
            byte[] random = new byte[6];
            new SecureRandom().nextBytes(random);
            this.name = "gatehouse_it_" + HexFormat.of().formatHex(random);
            try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            }
        }

        @Override
        public DatabaseCoordinates application() {
            return new DatabaseCoordinates(serverUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1"), user, password);
        }

        @Override
        public DatabaseCoordinates superuser() {
            return application();
        }

        @Override
        public void close() {
            try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException e) {
                System.err.println("could not drop test database " + name + ": " + e.getMessage());
            }
        }
    }
}
