package org.gatehouse.platform.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The tamper evidence of the audit trail. Each record's hash is SHA-256 over the previous record's
 * hash followed by its fields in a fixed order, each as a 4-byte big-endian length and its UTF-8
 * bytes (so no two different records share a canonical form). The first record chains to 32 zero
 * bytes. Changing, deleting or inserting any record breaks the chain at that record; cutting off the
 * newest records is detected by comparing with a head (seq and hash) kept elsewhere, which the
 * verification reports.
 */
public final class AuditChain {
    public static final byte[] GENESIS = new byte[32];
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

    private AuditChain() {
    }

    /** One stored record, as hashed. */
    public record Link(long seq, OffsetDateTime occurredAt, String actor, String actorKind, String address, String type,
            String target, String description, String result, byte[] prevHash) {
    }

    public static byte[] hash(Link link) {
        MessageDigest sha256 = sha256();
        sha256.update(link.prevHash());
        field(sha256, Long.toString(link.seq()));
        field(sha256, MICROS.format(link.occurredAt().withOffsetSameInstant(ZoneOffset.UTC)));
        field(sha256, link.actor());
        field(sha256, link.actorKind());
        field(sha256, link.address());
        field(sha256, link.type());
        field(sha256, link.target());
        field(sha256, link.description());
        field(sha256, link.result());
        return sha256.digest();
    }

    private static void field(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The outcome of a verification. */
    public record Verification(boolean intact, long recordsChecked, Optional<Long> firstBrokenSeq,
            Optional<String> problem, Optional<Long> headSeq, Optional<String> headHash, Duration took) {
    }

    /**
     * Recomputes the whole chain in one streaming pass (constant memory).
     *
     * @param connection a connection that may read {@code audit_event}; its auto-commit is switched
     *     off for the cursor and restored afterwards
     */
    public static Verification verify(Connection connection) throws SQLException {
        Instant start = Instant.now();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT seq, occurred_at, actor, actor_kind, address, event_type, target, description, result,"
                        + " prev_hash, hash FROM audit_event ORDER BY seq",
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(10_000);
            byte[] expectedPrev = GENESIS;
            long checked = 0;
            long lastSeq = -1;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long seq = rows.getLong(1);
                    Link link = new Link(seq, rows.getObject(2, OffsetDateTime.class), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8),
                            rows.getString(9), rows.getBytes(10));
                    byte[] stored = rows.getBytes(11);
                    checked++;
                    if (!Arrays.equals(link.prevHash(), expectedPrev)) {
                        return broken(checked, seq, "the record does not chain to the one before it", start);
                    }
                    if (!Arrays.equals(hash(link), stored)) {
                        return broken(checked, seq, "the record's content does not match its hash", start);
                    }
                    expectedPrev = stored;
                    lastSeq = seq;
                }
            }
            connection.commit();
            return new Verification(true, checked, Optional.empty(), Optional.empty(),
                    lastSeq < 0 ? Optional.empty() : Optional.of(lastSeq),
                    lastSeq < 0 ? Optional.empty() : Optional.of(HexFormat.of().formatHex(expectedPrev)),
                    Duration.between(start, Instant.now()));
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    private static Verification broken(long checked, long seq, String problem, Instant start) {
        return new Verification(false, checked, Optional.of(seq), Optional.of(problem), Optional.empty(), Optional.empty(),
                Duration.between(start, Instant.now()));
    }
}
