-- Service accounts per project and their API tokens (issue 3; 7.8.3).
-- Only the SHA-256 of a token is stored; the token is shown once. signing_key_ref is reserved for
-- the request-signing secret of the CI push API (issue 7), so a credential can carry one later.

ALTER TABLE account ADD COLUMN project_key text REFERENCES project (project_key);
ALTER TABLE account ADD CONSTRAINT account_service_has_project CHECK ((kind = 'SERVICE') = (project_key IS NOT NULL));

CREATE TABLE api_token (
    id                 uuid        PRIMARY KEY,
    account_id         uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name               text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    token_hash         bytea       NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    prefix             text        NOT NULL,
    scopes             text        NOT NULL,
    created_at         timestamptz NOT NULL,
    created_by         text        NOT NULL,
    expires_at         timestamptz NOT NULL,
    revoked_at         timestamptz,
    revoked_by         text,
    last_used_at       timestamptz,
    last_used_address  text,
    signing_key_ref    text,
    CONSTRAINT api_token_expiry_after_creation CHECK (expires_at > created_at)
);
CREATE INDEX api_token_account_idx ON api_token (account_id);

GRANT SELECT, INSERT, UPDATE, DELETE ON api_token TO ${appRole};
