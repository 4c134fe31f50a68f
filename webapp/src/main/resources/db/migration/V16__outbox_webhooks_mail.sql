-- Outbound events (issue 7, ADR 0015): the outbox written in the same transaction as the change,
-- per-project webhooks with sealed secrets, per-user e-mail preferences, and the deliveries that
-- the relay claims, attempts and records.

-- One row per event, written with the change it describes (never one per finding: an import writes
-- one event with counts and a bounded sample). The relay fans an event out into deliveries and
-- marks it dispatched in one transaction.
CREATE TABLE outbox_event (
    id             uuid        PRIMARY KEY,
    event_type     text        NOT NULL CHECK (event_type ~ '^[a-z][a-z0-9.-]{2,63}$'),
    project_key    text,
    subject        text        NOT NULL CHECK (length(subject) <= 200),
    payload        jsonb       NOT NULL CHECK (length(payload::text) <= 65536),
    occurred_at    timestamptz NOT NULL,
    dispatched_at  timestamptz
);
CREATE INDEX outbox_event_undispatched_idx ON outbox_event (id) WHERE dispatched_at IS NULL;
GRANT SELECT, INSERT, UPDATE ON outbox_event TO ${appRole};

CREATE TABLE webhook (
    id             uuid        PRIMARY KEY,
    project_key    text        NOT NULL REFERENCES project (project_key),
    url            text        NOT NULL CHECK (length(url) <= 2000),
    event_types    text[]      NOT NULL,
    description    text        CHECK (length(description) <= 500),
    secret_sealed  bytea       NOT NULL,
    active         boolean     NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL,
    created_by     text        NOT NULL,
    removed_at     timestamptz,
    row_version    bigint      NOT NULL DEFAULT 0
);
CREATE INDEX webhook_project_idx ON webhook (project_key) WHERE removed_at IS NULL;
GRANT SELECT, INSERT, UPDATE ON webhook TO ${appRole};

-- Which events a person wants by e-mail, and in which language (zh-CN or en).
CREATE TABLE notification_preference (
    account_id     uuid        PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    event_types    text[]      NOT NULL,
    language       text        NOT NULL CHECK (language IN ('zh-CN', 'en')),
    updated_at     timestamptz NOT NULL
);
GRANT SELECT, INSERT, UPDATE ON notification_preference TO ${appRole};

-- A delivery is one event to one webhook or one person's mailbox. Its id is stable across attempts
-- and redeliveries (the receiver's de-duplication key). PENDING rows are due at next_attempt_at; a
-- claim sets lease_until, and a lease that ran out (the instance died mid-delivery) is claimed again.
CREATE TABLE delivery (
    id               uuid        PRIMARY KEY,
    event_id         uuid        NOT NULL REFERENCES outbox_event (id),
    channel          text        NOT NULL CHECK (channel IN ('WEBHOOK', 'EMAIL')),
    webhook_id       uuid        REFERENCES webhook (id),
    account_id       uuid        REFERENCES account (id) ON DELETE CASCADE,
    status           text        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer     NOT NULL DEFAULT 0,
    max_attempts     integer     NOT NULL,
    next_attempt_at  timestamptz NOT NULL,
    lease_until      timestamptz,
    last_status      integer,
    last_error       text        CHECK (length(last_error) <= 500),
    created_at       timestamptz NOT NULL,
    delivered_at     timestamptz,
    CONSTRAINT delivery_target CHECK ((channel = 'WEBHOOK') = (webhook_id IS NOT NULL)
                                      AND (channel = 'EMAIL') = (account_id IS NOT NULL)),
    UNIQUE (event_id, webhook_id),
    UNIQUE (event_id, account_id)
);
CREATE INDEX delivery_due_idx ON delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX delivery_webhook_idx ON delivery (webhook_id, id DESC) WHERE webhook_id IS NOT NULL;
GRANT SELECT, INSERT, UPDATE ON delivery TO ${appRole};

-- Every attempt, as it went: append-only for the application.
CREATE TABLE delivery_attempt (
    delivery_id    uuid        NOT NULL REFERENCES delivery (id),
    attempt        integer     NOT NULL,
    started_at     timestamptz NOT NULL,
    duration_ms    bigint      NOT NULL,
    status_code    integer,
    error          text        CHECK (length(error) <= 500),
    PRIMARY KEY (delivery_id, attempt)
);
GRANT SELECT, INSERT ON delivery_attempt TO ${appRole};

-- How far the deadline watch has looked (SLA breaches, risk acceptances about to expire): each
-- deadline passes once, so each is announced once, without a column on the findings table.
CREATE TABLE deadline_watermark (
    name           text        PRIMARY KEY,
    checked_until  timestamptz NOT NULL
);
GRANT SELECT, INSERT, UPDATE ON deadline_watermark TO ${appRole};
