package org.gatehouse.findings.importing;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.gatehouse.platform.error.DomainException;
import org.gatehouse.platform.error.ProblemType;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.platform.time.UtcTime;

/**
 * {@code Idempotency-Key}s of report pushes (ADR 0012): the first push with a key claims it (the
 * primary key decides a race), binds it to its import once that is queued, and every later push
 * with the key, within 24 hours and from the same account, answers with that import. A key used
 * for a different request (release, scanner, category, commit, build or report) is refused.
 */
@ApplicationScoped
public class IdempotencyKeys {
    public static final Duration KEPT = Duration.ofHours(24);
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    @Inject
    Clock clock;

    private final java.util.concurrent.atomic.AtomicLong lastPurge = new java.util.concurrent.atomic.AtomicLong();

    /** What a claim found. */
    public sealed interface Claim {
        /** This request holds the key now: import, then {@link #bind} or {@link #release}. */
        record Owned() implements Claim {
        }

        /** An earlier request with this key made this import. */
        record Bound(ImportId id) implements Claim {
        }

        /** An earlier request holds the key and has not queued its import yet. */
        record Pending() implements Claim {
        }
    }

    /** Whether a header value may be a key: 1–255 visible ASCII characters. */
    public static void requireValid(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new InvalidKey();
        }
    }

    /** Claims the key for a request with the given digest, or says who holds it. */
    public Claim claim(String scope, String key, String requestDigest) {
        OffsetDateTime now = UtcTime.now(clock);
        long last = lastPurge.get();
        if (now.toInstant().toEpochMilli() - last > 60_000 && lastPurge.compareAndSet(last, now.toInstant().toEpochMilli())) {
            purgeExpired();
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            Jdbc.update(dataSource, "DELETE FROM idempotency_key WHERE scope = ? AND idem_key = ? AND expires_at < ?",
                    scope, key, now);
            if (Jdbc.update(dataSource, "INSERT INTO idempotency_key (scope, idem_key, request_digest, created_at,"
                    + " expires_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", scope, key, requestDigest, now,
                    now.plus(KEPT)) == 1) {
                return new Claim.Owned();
            }
            Optional<Row> row = find(scope, key);
            if (row.isEmpty()) {
                continue; // released or expired meanwhile: claim again
            }
            if (!row.get().requestDigest().equals(requestDigest)) {
                throw new KeyReused();
            }
            return row.get().importId().<Claim>map(id -> new Claim.Bound(new ImportId(id))).orElseGet(Claim.Pending::new);
        }
        return new Claim.Pending();
    }

    /** Binds an owned key to the import it queued. */
    public void bind(String scope, String key, ImportId id) {
        Jdbc.update(dataSource, "UPDATE idempotency_key SET import_id = ? WHERE scope = ? AND idem_key = ?", id.value(),
                scope, key);
    }

    /** Gives up an owned key whose request failed before its import was queued, so a retry can go ahead. */
    public void release(String scope, String key) {
        Jdbc.update(dataSource, "DELETE FROM idempotency_key WHERE scope = ? AND idem_key = ? AND import_id IS NULL",
                scope, key);
    }

    /** Deletes expired keys; returns how many. */
    public int purgeExpired() {
        return Jdbc.update(dataSource, "DELETE FROM idempotency_key WHERE expires_at < ?", UtcTime.now(clock));
    }

    private record Row(String requestDigest, Optional<UUID> importId) {
    }

    private Optional<Row> find(String scope, String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT request_digest, import_id FROM idempotency_key WHERE scope = ? AND idem_key = ?")) {
            Jdbc.bind(s, scope, key);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Row(r.getString(1), Optional.ofNullable(r.getObject(2, UUID.class))))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read an idempotency key", e);
        }
    }

    /** The header is not 1–255 visible ASCII characters. */
    public static final class InvalidKey extends DomainException {
        private static final long serialVersionUID = 1L;

        InvalidKey() {
            super(ProblemType.BAD_REQUEST, "idempotency.invalid-key");
        }
    }

    /** The key was used for a different request. */
    public static final class KeyReused extends DomainException {
        private static final long serialVersionUID = 1L;

        KeyReused() {
            super(ProblemType.IDEMPOTENCY_KEY_REUSED, "idempotency.key-reused");
        }
    }

    /** The request that holds the key has not queued its import in time. */
    public static final class StillInProgress extends DomainException {
        private static final long serialVersionUID = 1L;

        public StillInProgress() {
            super(ProblemType.CONFLICT, "idempotency.in-progress");
        }
    }
}
