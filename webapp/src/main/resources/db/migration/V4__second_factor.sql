-- TOTP second factor (RFC 6238) and one-time recovery codes (issue 3; B.1.3.2-ij "dynamic one-time passwords").
-- Secrets are stored AES-256-GCM-encrypted under the platform key (gatehouse.secrets.key), never in clear.
ALTER TABLE account ADD COLUMN totp_secret_enc bytea;
ALTER TABLE account ADD COLUMN totp_pending_enc bytea;
ALTER TABLE account ADD COLUMN totp_enabled_at timestamptz;
ALTER TABLE account ADD COLUMN totp_last_step bigint NOT NULL DEFAULT 0;

CREATE TABLE recovery_code (
    account_id  uuid        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    code_hash   bytea       NOT NULL CHECK (length(code_hash) = 32),
    created_at  timestamptz NOT NULL,
    used_at     timestamptz,
    PRIMARY KEY (account_id, code_hash)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON recovery_code TO ${appRole};
