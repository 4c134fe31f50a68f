-- Issue-tracker sync (issue 7, ADR 0016): one tracker connection per project, and links between
-- findings and the issues filed for them. Credentials and the webhook secret are stored only sealed
-- (AES-256-GCM under the platform key, bound to the connection's id).

CREATE TABLE tracker_connection (
    id                    uuid        PRIMARY KEY,
    project_key           text        NOT NULL UNIQUE REFERENCES project (project_key),
    tracker               text        NOT NULL CHECK (tracker ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$' AND length(tracker) <= 32),
    base_url              text        NOT NULL CHECK (base_url ~ '^https?://' AND length(base_url) <= 500),
    container             text        NOT NULL CHECK (length(container) BETWEEN 1 AND 200),
    options               text        NOT NULL CHECK (length(options) <= 2000),
    language              text        NOT NULL CHECK (language IN ('en', 'zh-CN')),
    auth_kind             text        NOT NULL CHECK (auth_kind IN ('basic', 'bearer')),
    auth_user             text        CHECK (length(auth_user) <= 200),
    credential_sealed     bytea       NOT NULL,
    webhook_secret_sealed bytea       NOT NULL,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    updated_by            text        NOT NULL,
    -- the periodic reconcile asks the tracker for issues changed since this time
    reconciled_until      timestamptz,
    last_error            text        CHECK (length(last_error) <= 1000),
    last_error_at         timestamptz,
    CHECK ((auth_kind = 'basic') = (auth_user IS NOT NULL))
);

-- A finding is filed in at most one issue; an issue may stand for a group of findings.
CREATE TABLE tracker_link (
    finding_id      uuid        PRIMARY KEY REFERENCES finding (id),
    connection_id   uuid        NOT NULL REFERENCES tracker_connection (id) ON DELETE CASCADE,
    issue_key       text        NOT NULL CHECK (length(issue_key) BETWEEN 1 AND 100),
    issue_url       text        NOT NULL CHECK (issue_url ~ '^https?://' AND length(issue_url) <= 1000),
    external_state  text        NOT NULL CHECK (external_state IN ('OPEN', 'RESOLVED', 'CLOSED_UNRESOLVED')),
    last_synced_at  timestamptz NOT NULL,
    -- the outbound cursor: finding_event rows of this finding up to this id are commented on (or skipped)
    last_event_id   bigint      NOT NULL,
    created_at      timestamptz NOT NULL,
    created_by      text        NOT NULL
);
CREATE INDEX tracker_link_issue_idx ON tracker_link (connection_id, issue_key);

GRANT SELECT, INSERT, UPDATE, DELETE ON tracker_connection, tracker_link TO ${appRole};
