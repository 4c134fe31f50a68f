package org.gatehouse.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.gatehouse.platform.audit.AuditChain;

/**
 * {@code ./gatehouse verify-audit [--home DIR]}: recomputes the audit trail's hash chain straight
 * from the database, without the server (B.2.4.3-ke). It uses {@code GATEHOUSE_DB_URL} when set,
 * else the embedded database of the data directory: the running one, or it starts it for the check.
 * Exit code 0: intact; 3: broken (the first broken record is printed); 1: could not check.
 */
public final class VerifyAudit {
    public static final int INTACT = 0;
    public static final int BROKEN = 3;
    public static final int FAILED = 1;

    private VerifyAudit() {
    }

    public static void main(String[] args) {
        String home = System.getenv().getOrDefault("GATEHOUSE_HOME", "gatehouse-data");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--home") && i + 1 < args.length) {
                home = args[++i];
            } else {
                System.err.println("usage: gatehouse verify-audit [--home DIR]");
                System.exit(2);
            }
        }
        System.exit(run(Path.of(home).toAbsolutePath().normalize(), System.getenv(), System.out));
    }

    static int run(Path home, Map<String, String> env, PrintStream out) {
        try {
            String url = env.get(DatabaseCoordinates.URL_VARIABLE);
            if (url != null && !url.isBlank()) {
                return verify(new DatabaseCoordinates(url, env.getOrDefault(DatabaseCoordinates.USER_VARIABLE, ""),
                        env.getOrDefault(DatabaseCoordinates.PASSWORD_VARIABLE, "")), out);
            }
            Path data = home.resolve("data").resolve("postgres");
            Path secrets = home.resolve("data").resolve("postgres-credentials.properties");
            Optional<DatabaseCoordinates> running = EmbeddedDatabase.running(data, secrets);
            if (running.isPresent()) {
                try {
                    return verify(running.get(), out);
                } catch (SQLException notReachable) {
                    out.println("[gatehouse] the embedded database of " + home + " is not answering; starting it");
                }
            }
            try (EmbeddedDatabase database = EmbeddedDatabase.start(data, secrets,
                    home.resolve("runtime").resolve("postgres-bin"))) {
                return verify(database.coordinates(), out);
            }
        } catch (SQLException | IOException e) {
            out.println("[gatehouse] could not verify the audit trail: " + e.getMessage());
            return FAILED;
        }
    }

    private static int verify(DatabaseCoordinates c, PrintStream out) throws SQLException {
        try (Connection connection = DriverManager.getConnection(c.url(), c.user(), c.password())) {
            AuditChain.Verification v = AuditChain.verify(connection);
            if (v.intact()) {
                out.printf("[gatehouse] audit trail intact: %,d records checked in %d ms; head seq %s, hash %s%n",
                        v.recordsChecked(), v.took().toMillis(), v.headSeq().map(String::valueOf).orElse("-"),
                        v.headHash().orElse("-"));
                out.println("[gatehouse] keep the head elsewhere: a later check that ends before it reveals a cut-off tail.");
                return INTACT;
            }
            out.printf("[gatehouse] AUDIT TRAIL BROKEN at record %d: %s (%,d records checked)%n",
                    v.firstBrokenSeq().orElse(-1L), v.problem().orElse("?"), v.recordsChecked());
            return BROKEN;
        }
    }
}
