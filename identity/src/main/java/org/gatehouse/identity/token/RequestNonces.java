package org.gatehouse.identity.token;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.gatehouse.platform.sql.Jdbc;

/**
 * The nonces of signed requests (TC260 7.8.3-dq: no replay), per signing key, each kept until its
 * request's timestamp leaves the window; expired ones are deleted at most once a minute. The
 * primary key decides a race: of two requests with one nonce exactly one is first.
 */
@ApplicationScoped
public class RequestNonces {
    private static final Logger LOG = Logger.getLogger(RequestNonces.class.getName());
    private static final long PURGE_EVERY_MS = 60_000;
    private final AtomicLong lastPurge = new AtomicLong();

    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    /**
     * Remembers the nonce until {@code expiresAt}; true when it is its first use (or its earlier use
     * has expired), false for a replay.
     */
    public boolean firstUse(String keyId, String nonce, Instant expiresAt, Instant now) {
        purgeIfDue(now);
        return Jdbc.update(dataSource, "INSERT INTO request_nonce (key_id, nonce, expires_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (key_id, nonce) DO UPDATE SET expires_at = EXCLUDED.expires_at"
                + " WHERE request_nonce.expires_at < ?", keyId, nonce, expiresAt.atOffset(ZoneOffset.UTC),
                now.atOffset(ZoneOffset.UTC)) == 1;
    }

    /** Deletes the nonces whose window has passed; returns how many. */
    public int purge(Instant now) {
        return Jdbc.update(dataSource, "DELETE FROM request_nonce WHERE expires_at < ?", now.atOffset(ZoneOffset.UTC));
    }

    private void purgeIfDue(Instant now) {
        long last = lastPurge.get();
        if (now.toEpochMilli() - last >= PURGE_EVERY_MS && lastPurge.compareAndSet(last, now.toEpochMilli())) {
            try {
                purge(now);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not delete expired request nonces", e);
            }
        }
    }
}
