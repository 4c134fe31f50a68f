-- The signed CI push API (issue 7, ADR 0012; TC260 7.8.3-dl..ds).
-- V9 and V10 belong to work in parallel; Flyway runs V11 after V8 on a fresh database.

-- A token may carry a request-signing key: its id in the column V3 reserved for it, the HMAC key
-- sealed (AES-GCM) under the platform key; and a list of source ranges it may be used from.
ALTER TABLE api_token ADD COLUMN signing_key_sealed bytea;
ALTER TABLE api_token ADD COLUMN allowed_sources text;
ALTER TABLE api_token ADD CONSTRAINT api_token_signing_key_complete
    CHECK ((signing_key_ref IS NULL) = (signing_key_sealed IS NULL));
CREATE UNIQUE INDEX api_token_signing_key_ref_idx ON api_token (signing_key_ref) WHERE signing_key_ref IS NOT NULL;

-- Nonces of signed requests, kept while their timestamp is inside the window (replay protection).
CREATE TABLE request_nonce (
    key_id      text        NOT NULL,
    nonce       text        NOT NULL CHECK (length(nonce) BETWEEN 16 AND 64),
    expires_at  timestamptz NOT NULL,
    PRIMARY KEY (key_id, nonce)
);
CREATE INDEX request_nonce_expiry_idx ON request_nonce (expires_at);
GRANT SELECT, INSERT, UPDATE, DELETE ON request_nonce TO ${appRole};

-- The call log (7.8.3-dp): every request authenticated by an API token. The application may only
-- add and read rows.
CREATE TABLE api_call (
    id             uuid        PRIMARY KEY,
    called_at      timestamptz NOT NULL,
    project_key    text        NOT NULL,
    account_login  text        NOT NULL,
    token_id       uuid        NOT NULL,
    token_prefix   text        NOT NULL,
    address        text        NOT NULL,
    method         text        NOT NULL,
    path           text        NOT NULL,
    status         integer     NOT NULL,
    bytes_in       bigint      NOT NULL,
    duration_ms    bigint      NOT NULL,
    signature      text        NOT NULL
);
CREATE INDEX api_call_project_idx ON api_call (project_key, id DESC);
GRANT SELECT, INSERT ON api_call TO ${appRole};

-- Idempotency keys of report pushes: a retried push with the same key answers with the first
-- push's import instead of importing again. Kept 24 hours.
CREATE TABLE idempotency_key (
    scope           text        NOT NULL,
    idem_key        text        NOT NULL CHECK (length(idem_key) BETWEEN 1 AND 255),
    request_digest  text        NOT NULL,
    import_id       uuid,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    PRIMARY KEY (scope, idem_key)
);
CREATE INDEX idempotency_key_expiry_idx ON idempotency_key (expires_at);
GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_key TO ${appRole};
