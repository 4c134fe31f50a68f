-- Environments, devices, production keys and source-repository access (issue 9; ADR 0022).
--
-- C.2: the development environment is separated from production; each device has a named responsible
-- person and a compliance status. 8.5.2: production keys and passwords must never be used in
-- development or test. C.4: no one holds or copies source code except as their work requires.
--
-- project_environment: a project's environments with their separation (network zone, who may access).
-- The rule "a production environment never shares a network zone with development or test" is checked
-- by the boundary under a lock of the project row (the rule spans rows).
CREATE TABLE project_environment (
    id            uuid        PRIMARY KEY,
    project_key   text        NOT NULL REFERENCES project (project_key),
    name          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    kind          text        NOT NULL CHECK (kind IN ('DEVELOPMENT', 'TEST', 'STAGING', 'PRODUCTION')),
    -- compared case-insensitively and without surrounding blanks: stored lower-case
    network_zone  text        NOT NULL CHECK (length(network_zone) BETWEEN 1 AND 100 AND network_zone = lower(network_zone)),
    access_policy text        NOT NULL CHECK (length(access_policy) BETWEEN 1 AND 2000),
    created_by    text        NOT NULL,
    created_at    timestamptz NOT NULL,
    updated_by    text        NOT NULL,
    updated_at    timestamptz NOT NULL,
    CONSTRAINT project_environment_name UNIQUE (project_key, name)
);

-- project_device: a device or asset used in a project's development, with its responsible person (an
-- account: the foreign key refuses a device without one) and its last compliance check.
CREATE TABLE project_device (
    id               uuid        PRIMARY KEY,
    project_key      text        NOT NULL REFERENCES project (project_key),
    asset_tag        text        NOT NULL CHECK (asset_tag ~ '^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$'),
    description      text        NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
    kind             text        NOT NULL CHECK (kind IN ('WORKSTATION', 'LAPTOP', 'MOBILE', 'SERVER', 'OTHER')),
    responsible_login text       NOT NULL REFERENCES account (login),
    patched          boolean     NOT NULL,
    antivirus        boolean     NOT NULL,
    disk_encrypted   boolean     NOT NULL,
    last_checked_at  timestamptz,
    created_by       text        NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_by       text        NOT NULL,
    updated_at       timestamptz NOT NULL,
    CONSTRAINT project_device_tag UNIQUE (project_key, asset_tag)
);

-- production_key: the register of a project's production keys, by fingerprint only. PUBLIC_KEY and
-- CERTIFICATE: SHA-256 of the DER SubjectPublicKeyInfo. SECRET: HMAC-SHA256 under a key derived per
-- project from the platform key (never in the database), with the secret's length in bytes so that the
-- check hashes only candidates of that length. The key or secret itself is never stored.
CREATE TABLE production_key (
    id             uuid        PRIMARY KEY,
    project_key    text        NOT NULL REFERENCES project (project_key),
    label          text        NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
    kind           text        NOT NULL CHECK (kind IN ('PUBLIC_KEY', 'CERTIFICATE', 'SECRET')),
    fingerprint    text        NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
    secret_length  integer     CHECK (secret_length BETWEEN 8 AND 4096),
    registered_by  text        NOT NULL,
    registered_at  timestamptz NOT NULL,
    CONSTRAINT production_key_secret_length CHECK ((kind = 'SECRET') = (secret_length IS NOT NULL)),
    CONSTRAINT production_key_unique UNIQUE (project_key, fingerprint)
);

-- source_access_grant: who may hold or clone which repository of a project, why and until when (C.4).
-- A person requests; a project owner other than the requester and the grantee approves or refuses;
-- an approved grant is in force until valid_until or its revocation. Rows are never deleted.
CREATE TABLE source_access_grant (
    id               uuid        PRIMARY KEY,
    project_key      text        NOT NULL REFERENCES project (project_key),
    repository       text        NOT NULL CHECK (length(repository) BETWEEN 1 AND 500),
    grantee_login    text        NOT NULL REFERENCES account (login),
    access           text        NOT NULL CHECK (access IN ('READ', 'CLONE')),
    reason           text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
    valid_until      timestamptz NOT NULL,
    state            text        NOT NULL CHECK (state IN ('REQUESTED', 'APPROVED', 'REFUSED', 'REVOKED')),
    requested_by     text        NOT NULL,
    requested_by_id  uuid        NOT NULL,
    requested_at     timestamptz NOT NULL,
    decided_by       text,
    decided_at       timestamptz,
    decision_note    text        CHECK (length(decision_note) <= 2000),
    revoked_by       text,
    revoked_at       timestamptz,
    revoke_reason    text        CHECK (length(revoke_reason) <= 2000),
    CONSTRAINT source_access_decided CHECK ((state = 'REQUESTED') = (decided_at IS NULL)),
    CONSTRAINT source_access_revoked CHECK ((state = 'REVOKED') = (revoked_at IS NOT NULL))
);
CREATE INDEX source_access_grant_project ON source_access_grant (project_key, requested_at DESC);

GRANT SELECT, INSERT, UPDATE, DELETE ON project_environment, project_device TO ${appRole};
GRANT SELECT, INSERT, DELETE ON production_key TO ${appRole};
GRANT SELECT, INSERT, UPDATE ON source_access_grant TO ${appRole};
