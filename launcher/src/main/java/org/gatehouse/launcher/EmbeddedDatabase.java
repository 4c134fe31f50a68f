package org.gatehouse.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A real PostgreSQL started from the binaries that Maven delivered ({@code io.zonky.test}), with a
 * persistent data directory (ADR 0002). On first start it creates the {@code gatehouse} role and
 * database with generated passwords kept in a file readable only by the owner, then replaces the
 * {@code trust} authentication that initdb set up with {@code scram-sha-256} on loopback only.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    public static final String DATABASE = "gatehouse";
    /** Owns the schema and runs the migrations. */
    public static final String OWNER_ROLE = "gatehouse";
    /** What the application connects as: rows only, no DDL (granted by the migrations). */
    public static final String APP_ROLE = "gatehouse_app";
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());
    private static final String SUPERUSER_KEY = "superuser.password";
    private static final String OWNER_KEY = "gatehouse.password";
    private static final String APP_KEY = "gatehouse_app.password";

    private final EmbeddedPostgres postgres;
    private final Properties secrets;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private final Path portFile;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Properties secrets, Path portFile) {
        this.postgres = postgres;
        this.secrets = secrets;
        this.portFile = portFile;
    }

    /** Where a running embedded database leaves its port, for commands that connect to it. */
    static Path portFile(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".port");
    }

    /**
     * The application's coordinates of an embedded database that another process is running on
     * this data directory, if its port file and credentials are there.
     */
    public static java.util.Optional<DatabaseCoordinates> running(Path dataDirectory, Path secretsFile) throws IOException {
        Path port = portFile(dataDirectory);
        if (!Files.exists(port) || !Files.exists(secretsFile)) {
            return java.util.Optional.empty();
        }
        Properties secrets = new Properties();
        try (InputStream in = Files.newInputStream(secretsFile)) {
            secrets.load(in);
        }
        return java.util.Optional.of(new DatabaseCoordinates("jdbc:postgresql://localhost:" + Files.readString(port).strip()
                + "/" + DATABASE, APP_ROLE, secrets.getProperty(APP_KEY), OWNER_ROLE, secrets.getProperty(OWNER_KEY)));
    }

    /**
     * Starts (creating on first use) the database kept in {@code dataDirectory}.
     *
     * @param dataDirectory PostgreSQL's data directory; kept across restarts
     * @param secretsFile where the generated passwords live (created with mode 0600)
     * @param binaryDirectory where the PostgreSQL binaries are unpacked
     */
    public static EmbeddedDatabase start(Path dataDirectory, Path secretsFile, Path binaryDirectory) throws IOException {
        Files.createDirectories(dataDirectory.getParent());
        Files.createDirectories(binaryDirectory);
        Properties secrets = loadOrCreateSecrets(secretsFile);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaryDirectory.toFile())
                .setServerConfig("listen_addresses", "localhost")
                // zonky's test defaults trade durability for speed; an audit trail must not lose commits
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("max_connections", "100")
                // room for a million findings and their indexes (PostgreSQL's default is 128 MB)
                .setServerConfig("shared_buffers", "256MB")
                // a project's first import commits its findings and occurrences, written by two connections at
                // once, in one two-phase commit (ADR 0007); at most one per import connection
                .setServerConfig("max_prepared_transactions", "8")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("log_min_messages", "warning")
                .setConnectConfig("password", secrets.getProperty(SUPERUSER_KEY))
                .setPGStartupWait(Duration.ofSeconds(60))
                .setRegisterShutdownHook(true)
                .start();
        EmbeddedDatabase database = new EmbeddedDatabase(postgres, secrets, portFile(dataDirectory));
        try {
            database.secure(dataDirectory);
            Files.writeString(database.portFile, Integer.toString(postgres.getPort()));
        } catch (SQLException | IOException | RuntimeException e) {
            database.close();
            throw new IOException("could not prepare the embedded database: " + e.getMessage(), e);
        }
        return database;
    }

    /**
     * A fresh database in {@code scratch} (tests); the binaries are unpacked once per machine under
     * the temporary directory. The caller deletes {@code scratch} after {@link #close()}.
     */
    public static EmbeddedDatabase startTemporary(Path scratch) throws IOException {
        return start(scratch.resolve("postgres"), scratch.resolve("postgres-credentials.properties"),
                Path.of(System.getProperty("java.io.tmpdir"), "gatehouse-postgres-bin"));
    }

    public int port() {
        return postgres.getPort();
    }

    public DatabaseCoordinates coordinates() {
        return new DatabaseCoordinates("jdbc:postgresql://localhost:" + port() + "/" + DATABASE, APP_ROLE,
                secrets.getProperty(APP_KEY), OWNER_ROLE, secrets.getProperty(OWNER_KEY));
    }

    /** Superuser coordinates: only for tests that must act behind the application's back. */
    public DatabaseCoordinates superuserCoordinates(String database) {
        return new DatabaseCoordinates("jdbc:postgresql://localhost:" + port() + "/" + database, "postgres",
                secrets.getProperty(SUPERUSER_KEY));
    }

    private void secure(Path dataDirectory) throws SQLException, IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            executeFormatted(connection, "ALTER ROLE postgres PASSWORD %L", secrets.getProperty(SUPERUSER_KEY));
            ensureRole(connection, OWNER_ROLE, secrets.getProperty(OWNER_KEY));
            ensureRole(connection, APP_ROLE, secrets.getProperty(APP_KEY));
            if (!exists(connection, "select 1 from pg_database where datname = ?", DATABASE)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER_ROLE
                            + " ENCODING 'UTF8' TEMPLATE template0");
                    statement.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
                    statement.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + DATABASE + " TO " + APP_ROLE);
                }
                LOG.info("created database " + DATABASE);
            }
            Path hba = dataDirectory.resolve("pg_hba.conf");
            String wanted = """
                    # Written by Gatehouse: password authentication on loopback only.
                    local all all scram-sha-256
                    host  all all 127.0.0.1/32 scram-sha-256
                    host  all all ::1/128 scram-sha-256
                    """;
            if (!wanted.equals(Files.readString(hba))) {
                Files.writeString(hba, wanted);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT pg_reload_conf()");
                }
            }
        }
    }

    private static void ensureRole(Connection connection, String role, String password) throws SQLException {
        boolean roleExists = exists(connection, "select 1 from pg_roles where rolname = ?", role);
        executeFormatted(connection, (roleExists ? "ALTER" : "CREATE") + " ROLE " + role
                + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L", password);
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Runs DDL that cannot take bind parameters, quoting the literal with PostgreSQL's own {@code format(%L)}. */
    private static void executeFormatted(Connection connection, String template, String literal) throws SQLException {
        String sql;
        try (PreparedStatement statement = connection.prepareStatement("SELECT format(?, ?)")) {
            statement.setString(1, template);
            statement.setString(2, literal);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                sql = rows.getString(1);
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Properties loadOrCreateSecrets(Path file) throws IOException {
        Properties secrets = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                secrets.load(in);
            }
            if (secrets.getProperty(SUPERUSER_KEY) != null && secrets.getProperty(OWNER_KEY) != null
                    && secrets.getProperty(APP_KEY) != null) {
                return secrets;
            }
        }
        for (String key : new String[] {SUPERUSER_KEY, OWNER_KEY, APP_KEY}) {
            if (secrets.getProperty(key) == null) {
                secrets.setProperty(key, randomSecret());
            }
        }
        java.io.StringWriter text = new java.io.StringWriter();
        secrets.store(text, "Generated by Gatehouse for its embedded PostgreSQL. Keep private.");
        PrivateFiles.write(file, text.toString());
        return secrets;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            Files.deleteIfExists(portFile);
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
