-- Uploaded documents of a project (C.3, 7.8.6-ef..ej; ADR 0024): design documents, coding standards, agreements
-- (NDAs), test material. A document has a classification and a distribution scope (roles, never wider than the
-- classification's default), an archive state, and append-only versions, each with its change note and security-
-- impact note. Confidential and secret versions are stored AES-256-GCM encrypted (key_id names the key of the
-- configured ring; NULL: stored as is). Rotation re-encrypts content in place: the only UPDATE the application may
-- make on a version, and only of (content, key_id).
CREATE TABLE uploaded_document (
    id             uuid        PRIMARY KEY,
    project_key    text        NOT NULL REFERENCES project (project_key),
    title          text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    category       text        NOT NULL CHECK (category IN ('DESIGN', 'CODING_STANDARD', 'AGREEMENT', 'TEST', 'OTHER')),
    classification text        NOT NULL CHECK (classification IN ('PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'SECRET')),
    distribution   text[]      NOT NULL CHECK (cardinality(distribution) >= 1),
    archived_at    timestamptz,
    archived_by    text,
    created_by     text        NOT NULL,
    created_at     timestamptz NOT NULL,
    CHECK ((archived_at IS NULL) = (archived_by IS NULL))
);

CREATE UNIQUE INDEX uploaded_document_title ON uploaded_document (project_key, lower(title));

CREATE TABLE uploaded_document_version (
    document_id     uuid        NOT NULL REFERENCES uploaded_document (id),
    version         integer     NOT NULL CHECK (version >= 1),
    file_name       text        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    size_bytes      bigint      NOT NULL CHECK (size_bytes > 0),
    sha256          text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    content         bytea       NOT NULL,
    key_id          text        CHECK (key_id ~ '^[a-z0-9-]{1,32}$'),
    change_note     text        NOT NULL CHECK (length(change_note) BETWEEN 1 AND 2000),
    security_impact text        NOT NULL CHECK (length(security_impact) BETWEEN 1 AND 2000),
    uploaded_by     text        NOT NULL,
    uploaded_at     timestamptz NOT NULL,
    PRIMARY KEY (document_id, version)
);

-- key rotation finds what an older key sealed
CREATE INDEX uploaded_document_version_key ON uploaded_document_version (key_id) WHERE key_id IS NOT NULL;

GRANT SELECT, INSERT ON uploaded_document, uploaded_document_version TO ${appRole};
GRANT UPDATE (archived_at, archived_by) ON uploaded_document TO ${appRole};
GRANT UPDATE (content, key_id) ON uploaded_document_version TO ${appRole};
