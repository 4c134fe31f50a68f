package org.gatehouse.bench;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.gatehouse.identity.account.PasswordHasher;
import org.gatehouse.platform.audit.AuditChain;
import org.gatehouse.launcher.DatabaseCoordinates;
import org.gatehouse.launcher.EmbeddedDatabase;
import org.postgresql.PGConnection;

/**
 * Figures for issue 3, on a real embedded PostgreSQL with the real migrations:
 * <ol>
 * <li>login cost: one Argon2id verification with the default parameters (median of 15);</li>
 * <li>audit write overhead: an audited append (advisory lock, read of the chain head, hash,
 * insert) against a plain insert of the same row into an unchained copy of the table, each in its
 * own transaction, interleaved in rounds so both see the same machine noise;</li>
 * <li>verification of 1,000,000 chained records (COPY-loaded), median of 3.</li>
 * </ol>
 * Run with {@code ./gatehouse bench}. Quote medians and ratios, never one absolute time.
 */
public final class IdentityBench {
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx");

    private IdentityBench() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        argon2();
        Path scratch = Files.createTempDirectory("gatehouse-bench");
        try (EmbeddedDatabase db = EmbeddedDatabase.startTemporary(scratch)) {
            DatabaseCoordinates c = db.coordinates();
            Flyway.configure().dataSource(c.url(), c.ownerUser(), c.ownerPassword())
                    .locations("filesystem:" + migrations())
                    .placeholders(Map.of("appRole", c.user())).load().migrate();
            auditOverhead(c);
            verification(db, c, records);
        }
    }

    private static Path migrations() {
        for (Path candidate : List.of(Path.of("webapp/src/main/resources/db/migration"),
                Path.of("../webapp/src/main/resources/db/migration"))) {
            if (Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException("run from the repository root: db/migration not found");
    }

    private static void argon2() {
        PasswordHasher hasher = new PasswordHasher();
        String hash = hasher.hash("Benchmark-Password-2026");
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            long start = System.nanoTime();
            hasher.verify("Benchmark-Password-2026", hash);
            ms.add((System.nanoTime() - start) / 1e6);
        }
        System.out.printf("login KDF: Argon2id m=19456 KiB t=2 p=1, one verification median %.1f ms (min %.1f, max %.1f, n=15)%n",
                median(ms), ms.stream().mapToDouble(d -> d).min().orElse(0), ms.stream().mapToDouble(d -> d).max().orElse(0));
    }

    private static void auditOverhead(DatabaseCoordinates c) throws Exception {
        try (Connection owner = DriverManager.getConnection(c.url(), c.ownerUser(), c.ownerPassword());
                Statement s = owner.createStatement()) {
            s.execute("CREATE TABLE bench_plain (LIKE audit_event INCLUDING ALL)");
            s.execute("GRANT SELECT, INSERT ON bench_plain TO " + c.user());
        }
        try (Connection app = DriverManager.getConnection(c.url(), c.user(), c.password())) {
            app.setAutoCommit(false);
            List<Double> chained = new ArrayList<>();
            List<Double> plain = new ArrayList<>();
            long seq = 0;
            for (int round = 0; round < 10; round++) {
                long start = System.nanoTime();
                for (int i = 0; i < 200; i++) {
                    appendChained(app);
                    app.commit();
                }
                chained.add((System.nanoTime() - start) / 1e3 / 200);
                start = System.nanoTime();
                for (int i = 0; i < 200; i++) {
                    insertPlain(app, ++seq);
                    app.commit();
                }
                plain.add((System.nanoTime() - start) / 1e3 / 200);
            }
            double chainedMedian = median(chained);
            double plainMedian = median(plain);
            System.out.printf("audit append: chained %.0f µs vs plain insert %.0f µs per committed transaction"
                    + " (medians of 10 rounds x 200, interleaved); overhead %.0f µs, ratio %.2f%n",
                    chainedMedian, plainMedian, chainedMedian - plainMedian, chainedMedian / plainMedian);
            app.rollback();
            app.setAutoCommit(true);
            AuditChain.Verification v = AuditChain.verify(app);
            System.out.printf("  the 2,000 appended records verify: intact=%s%n", v.intact());
        }
    }

    private static void appendChained(Connection app) throws Exception {
        try (Statement s = app.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + 0x4748415544495454L + ")");
        }
        byte[] prev = AuditChain.GENESIS;
        try (Statement s = app.createStatement(); ResultSet r = s.executeQuery("SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1")) {
            if (r.next()) {
                prev = r.getBytes(1);
            }
        }
        long seq;
        try (Statement s = app.createStatement(); ResultSet r = s.executeQuery("SELECT nextval('audit_event_seq')")) {
            r.next();
            seq = r.getLong(1);
        }
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        AuditChain.Link link = new AuditChain.Link(seq, at, "bench", "PERSON", "127.0.0.1", "project.registered",
                "project:BENCH" + seq, "protection level 2, owner alice", "SUCCESS", prev);
        insert(app, "audit_event", link, AuditChain.hash(link));
    }

    private static void insertPlain(Connection app, long seq) throws Exception {
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        AuditChain.Link link = new AuditChain.Link(seq, at, "bench", "PERSON", "127.0.0.1", "project.registered",
                "project:BENCH" + seq, "protection level 2, owner alice", "SUCCESS", AuditChain.GENESIS);
        insert(app, "bench_plain", link, AuditChain.GENESIS);
    }

    private static void insert(Connection app, String table, AuditChain.Link l, byte[] hash) throws Exception {
        try (PreparedStatement p = app.prepareStatement("INSERT INTO " + table + " (seq, occurred_at, actor, actor_kind,"
                + " address, event_type, target, description, result, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            p.setLong(1, l.seq());
            p.setObject(2, l.occurredAt());
            p.setString(3, l.actor());
            p.setString(4, l.actorKind());
            p.setString(5, l.address());
            p.setString(6, l.type());
            p.setString(7, l.target());
            p.setString(8, l.description());
            p.setString(9, l.result());
            p.setBytes(10, l.prevHash());
            p.setBytes(11, hash);
            p.executeUpdate();
        }
    }

    private static void verification(EmbeddedDatabase db, DatabaseCoordinates c, int records) throws Exception {
        DatabaseCoordinates su = db.superuserCoordinates(EmbeddedDatabase.DATABASE);
        try (Connection superuser = DriverManager.getConnection(su.url(), su.user(), su.password())) {
            try (Statement s = superuser.createStatement()) {
                s.execute("SET session_replication_role = replica");
                s.execute("DELETE FROM audit_event");
            }
            long loadStart = System.nanoTime();
            StringBuilder batch = new StringBuilder();
            byte[] prev = AuditChain.GENESIS;
            OffsetDateTime base = OffsetDateTime.parse("2026-01-01T00:00:00Z");
            HexFormat hex = HexFormat.of();
            for (int i = 1; i <= records; i++) {
                OffsetDateTime at = base.plusNanos(i * 1_000_000L);
                AuditChain.Link link = new AuditChain.Link(i, at, "user" + (i % 500), "PERSON", "10.0.0." + (i % 250),
                        i % 7 == 0 ? "access.denied" : "project.revised", "project:P" + (i % 1000),
                        "protection level 2 -> 3, owner alice -> bob", i % 7 == 0 ? "DENIED" : "SUCCESS", prev);
                byte[] hash = AuditChain.hash(link);
                batch.append(i).append('\t').append(MICROS.format(at)).append('\t').append(link.actor()).append('\t')
                        .append(link.actorKind()).append('\t').append(link.address()).append('\t').append(link.type())
                        .append('\t').append(link.target()).append('\t').append(link.description()).append('\t')
                        .append(link.result()).append("\t\\\\x").append(hex.formatHex(prev)).append("\t\\\\x")
                        .append(hex.formatHex(hash)).append('\n');
                prev = hash;
                if (i % 50_000 == 0 || i == records) {
                    ((PGConnection) superuser.unwrap(PGConnection.class)).getCopyAPI().copyIn(
                            "COPY audit_event (seq, occurred_at, actor, actor_kind, address, event_type, target, description,"
                                    + " result, prev_hash, hash) FROM STDIN", new StringReader(batch.toString()));
                    batch.setLength(0);
                }
            }
            try (Statement s = superuser.createStatement()) {
                s.execute("ANALYZE audit_event");
            }
            System.out.printf("loaded %,d chained records in %.1f s (hashing + COPY)%n", records,
                    (System.nanoTime() - loadStart) / 1e9);
        }
        try (Connection app = DriverManager.getConnection(c.url(), c.user(), c.password())) {
            List<Double> seconds = new ArrayList<>();
            AuditChain.Verification last = null;
            for (int run = 0; run < 3; run++) {
                long start = System.nanoTime();
                last = AuditChain.verify(app);
                seconds.add((System.nanoTime() - start) / 1e9);
            }
            System.out.printf("verification of %,d records: median %.2f s of 3 runs (%s), intact=%s, %.0f records/s%n",
                    last.recordsChecked(), median(seconds), seconds, last.intact(), last.recordsChecked() / median(seconds));
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
