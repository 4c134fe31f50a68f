-- Identity, access control and the audit trail (issue 3; B.1.3.2, B.2.4.1-B.2.4.3, B.1.2.17, 7.2.5).
-- Runs as the owner role. ${appRole} is the role the application connects as: it gets row rights
-- only, and on the audit trail only SELECT and INSERT. Every later migration grants explicitly.

CREATE TABLE account (
    id                     uuid        PRIMARY KEY,
    login                  text        NOT NULL UNIQUE CHECK (login ~ '^[a-z][a-z0-9._-]{1,63}$'),
    display_name           text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    email                  text        CHECK (length(email) <= 254),
    kind                   text        NOT NULL CHECK (kind IN ('PERSON', 'SERVICE')),
    password_hash          text,
    must_change_password   boolean     NOT NULL DEFAULT true,
    disabled               boolean     NOT NULL DEFAULT false,
    failed_attempts        integer     NOT NULL DEFAULT 0,
    locked_until           timestamptz,
    last_login_at          timestamptz,
    last_login_address     text,
    failures_since_login   integer     NOT NULL DEFAULT 0,
    password_changed_at    timestamptz,
    created_at             timestamptz NOT NULL,
    created_by             text        NOT NULL,
    row_version            bigint      NOT NULL DEFAULT 0,
    CONSTRAINT account_person_has_password CHECK (kind <> 'PERSON' OR password_hash IS NOT NULL)
);

-- Global roles have no project; project roles name one (B.2.4.2: least privilege per duty).
CREATE TABLE role_grant (
    id          uuid        PRIMARY KEY,
    account_id  uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    role        text        NOT NULL CHECK (role IN ('ADMINISTRATOR', 'SECURITY_ADMINISTRATOR', 'AUDITOR',
                                                      'PROJECT_OWNER', 'DEVELOPER', 'TESTER',
                                                      'SECURITY_REVIEWER', 'CI_SERVICE')),
    project_key text        REFERENCES project (project_key),
    granted_at  timestamptz NOT NULL,
    granted_by  text        NOT NULL,
    CONSTRAINT role_grant_scope CHECK ((role IN ('ADMINISTRATOR', 'SECURITY_ADMINISTRATOR', 'AUDITOR'))
                                       = (project_key IS NULL))
);
CREATE UNIQUE INDEX role_grant_unique ON role_grant (account_id, role, coalesce(project_key, ''));

-- Browser sessions, server-side. Only the SHA-256 of the session token is stored.
CREATE TABLE web_session (
    token_hash    bytea       PRIMARY KEY,
    account_id    uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    csrf_token    text        NOT NULL,
    created_at    timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    address       text        NOT NULL,
    user_agent    text
);
CREATE INDEX web_session_account_idx ON web_session (account_id);

-- Failed logins per source address in a sliding window (per-IP throttling).
CREATE TABLE login_throttle (
    address       text        PRIMARY KEY,
    window_start  timestamptz NOT NULL,
    failures      integer     NOT NULL
);

-- The audit trail: append-only and hash-chained (B.2.4.3-kd..kf, B.1.2.17-hu..hv).
-- hash = SHA-256 of the canonical form of the record including prev_hash (see AuditChain).
CREATE TABLE audit_event (
    seq          bigint      PRIMARY KEY,
    occurred_at  timestamptz NOT NULL,
    actor        text        NOT NULL,
    actor_kind   text        NOT NULL CHECK (actor_kind IN ('PERSON', 'SERVICE', 'ANONYMOUS', 'SYSTEM')),
    address      text        NOT NULL,
    event_type   text        NOT NULL,
    target       text        NOT NULL,
    description  text        NOT NULL,
    result       text        NOT NULL CHECK (result IN ('SUCCESS', 'DENIED', 'FAILED')),
    prev_hash    bytea       NOT NULL CHECK (length(prev_hash) = 32),
    hash         bytea       NOT NULL CHECK (length(hash) = 32)
);
CREATE SEQUENCE audit_event_seq AS bigint START 1 NO CYCLE;
CREATE INDEX audit_event_time_idx ON audit_event (occurred_at, seq);
CREATE INDEX audit_event_actor_idx ON audit_event (actor, seq);
CREATE INDEX audit_event_type_idx ON audit_event (event_type, seq);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();

-- In-platform notifications (alerts to security administrators; e-mail comes with integrations).
CREATE TABLE notification (
    id          uuid        PRIMARY KEY,
    audience    text        NOT NULL CHECK (audience IN ('SECURITY_ADMINISTRATOR', 'ADMINISTRATOR')),
    kind        text        NOT NULL,
    subject     text        NOT NULL,
    detail      text        NOT NULL,
    created_at  timestamptz NOT NULL,
    read_at     timestamptz
);
CREATE INDEX notification_audience_idx ON notification (audience, created_at DESC);

-- Rights of the application role.
GRANT USAGE ON SCHEMA public TO ${appRole};
GRANT SELECT, INSERT, UPDATE, DELETE ON project, release, account, role_grant, web_session, login_throttle,
    notification TO ${appRole};
GRANT SELECT, INSERT ON audit_event TO ${appRole};
GRANT USAGE ON SEQUENCE audit_event_seq TO ${appRole};
