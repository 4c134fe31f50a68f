package org.gatehouse.identity.token;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.gatehouse.identity.access.AccessDenied;
import org.gatehouse.identity.access.Actor;
import org.gatehouse.identity.access.Permission;
import org.gatehouse.platform.id.Uuid7;
import org.gatehouse.platform.paging.InvalidCursor;
import org.gatehouse.platform.paging.Page;
import org.gatehouse.platform.paging.PageCursor;
import org.gatehouse.platform.sql.Jdbc;
import org.gatehouse.workflow.api.ProjectKey;

/**
 * The call log of the API for machines (TC260 7.8.3-dp: log every call): one row per request
 * authenticated by an API token, with the token, its account, the source address, method, path,
 * status, bytes received, duration and the signature verdict. Append-only for the application
 * (SELECT and INSERT only); read newest first by project owners and auditors.
 */
@ApplicationScoped
public class ApiCalls {
    static final String LISTING = "api-calls";

    @Resource(lookup = "java:app/jdbc/gatehouse")
    DataSource dataSource;

    /** One call as logged. */
    public record ApiCall(UUID id, OffsetDateTime calledAt, ProjectKey project, String account, UUID tokenId,
            String tokenPrefix, String address, String method, String path, int status, long bytesIn, long durationMs,
            String signature) {
    }

    /** Appends a call (auto-commit: the log stays even when the request's own work rolled back). */
    public void record(ApiCall call) {
        Jdbc.update(dataSource, "INSERT INTO api_call (id, called_at, project_key, account_login, token_id, token_prefix,"
                + " address, method, path, status, bytes_in, duration_ms, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                call.id(), call.calledAt(), call.project().value(), call.account(), call.tokenId(), call.tokenPrefix(),
                truncate(call.address(), 64), call.method(), truncate(call.path(), 2000), call.status(), call.bytesIn(),
                call.durationMs(), call.signature());
    }

    /** A new call's id (time-ordered, so the newest-first listing is an index range scan). */
    public static UUID nextId() {
        return Uuid7.next();
    }

    /** The calls of a project, newest first, for those who may read them. */
    public Page<ApiCall> page(Actor actor, ProjectKey project, Optional<String> cursor, int limit) {
        if (!actor.may(Permission.API_CALL_READ, project)) {
            throw new AccessDenied(Permission.API_CALL_READ);
        }
        Optional<UUID> before = cursor.map(c -> parse(PageCursor.decode(c, LISTING, 1).key(0)));
        String sql = "SELECT id, called_at, project_key, account_login, token_id, token_prefix, address, method, path,"
                + " status, bytes_in, duration_ms, signature FROM api_call WHERE project_key = ?"
                + (before.isPresent() ? " AND id < ?" : "") + " ORDER BY id DESC LIMIT ?";
        List<ApiCall> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            if (before.isPresent()) {
                Jdbc.bind(statement, project.value(), before.get(), limit + 1);
            } else {
                Jdbc.bind(statement, project.value(), limit + 1);
            }
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    rows.add(new ApiCall(r.getObject(1, UUID.class), r.getObject(2, OffsetDateTime.class),
                            new ProjectKey(r.getString(3)), r.getString(4), r.getObject(5, UUID.class), r.getString(6),
                            r.getString(7), r.getString(8), r.getString(9), r.getInt(10), r.getLong(11), r.getLong(12),
                            r.getString(13)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the call log", e);
        }
        return Page.fromOverfetch(rows, limit, last -> PageCursor.of(LISTING, last.id().toString()));
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursor();
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
