-- Signed, time-stamped decisions (issue 6; TC260 7.4.2, 7.4.3, 7.8.4; ADR 0009): the platform's
-- signing CA and time-stamp authority, per-person signing keys, and one signature per decision.
-- Private keys are stored sealed (AES-256-GCM) under the platform key, never in clear.

CREATE TABLE signing_authority (
    purpose      text        PRIMARY KEY CHECK (purpose IN ('CA', 'TSA', 'PLATFORM')),
    key_material bytea       NOT NULL,
    created_at   timestamptz NOT NULL
);

CREATE TABLE signing_key (
    login        text        PRIMARY KEY CHECK (length(login) BETWEEN 1 AND 64),
    key_material bytea       NOT NULL,
    created_at   timestamptz NOT NULL
);

-- One row per signed decision (a transition, a waiver): the canonical statement, its signature, the
-- signer's certificate and an RFC 3161 token over the signature value.
CREATE TABLE decision_signature (
    id                 uuid        PRIMARY KEY,
    release_id         uuid        NOT NULL REFERENCES release (id),
    subject            text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    signer             text        NOT NULL,
    payload            bytea       NOT NULL,
    algorithm          text        NOT NULL,
    signature          bytea       NOT NULL,
    signer_certificate bytea       NOT NULL,
    time_stamp         bytea       NOT NULL,
    signed_at          timestamptz NOT NULL
);
CREATE INDEX decision_signature_release_idx ON decision_signature (release_id, signed_at);

CREATE TRIGGER decision_signature_append_only BEFORE UPDATE OR DELETE ON decision_signature
    FOR EACH ROW EXECUTE FUNCTION lifecycle_record_is_append_only();
CREATE TRIGGER decision_signature_no_truncate BEFORE TRUNCATE ON decision_signature
    FOR EACH STATEMENT EXECUTE FUNCTION lifecycle_record_is_append_only();
CREATE TRIGGER signing_authority_append_only BEFORE UPDATE OR DELETE ON signing_authority
    FOR EACH ROW EXECUTE FUNCTION lifecycle_record_is_append_only();

-- The release certificate (7.8.4): issued once, when a release is released; its exact bytes are the
-- evidence anyone can verify offline.
CREATE TABLE release_certificate (
    release_id uuid        PRIMARY KEY REFERENCES release (id),
    document   bytea       NOT NULL,
    sha256     text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    issued_at  timestamptz NOT NULL
);
CREATE TRIGGER release_certificate_append_only BEFORE UPDATE OR DELETE ON release_certificate
    FOR EACH ROW EXECUTE FUNCTION lifecycle_record_is_append_only();

GRANT SELECT, INSERT ON signing_authority, signing_key, decision_signature, release_certificate TO ${appRole};
