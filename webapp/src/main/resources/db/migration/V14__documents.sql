-- The generated documents of a release (B.1.3.1-ib..ih, C.3): every version of a kind per release and
-- language with its HTML and PDF, the SHA-256 of each, its classification and distribution scope (the
-- roles that may read it), the change note, who and when. Versions are append-only: the application
-- may insert and read, never change or remove one. Every read is in the audit trail.

CREATE TABLE document (
    id             uuid        PRIMARY KEY,
    release_id     uuid        NOT NULL REFERENCES release (id),
    project_key    text        NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('SECURITY_REQUIREMENTS', 'TEST_RECOMMENDATIONS',
                                   'DESIGN_RECOMMENDATIONS', 'CODE_SCAN_REPORT', 'SECURITY_TEST_REPORT',
                                   'SECURITY_AUDIT_REPORT')),
    language       text        NOT NULL CHECK (language IN ('ZH_CN', 'EN')),
    version        integer     NOT NULL CHECK (version >= 1),
    classification text        NOT NULL CHECK (classification IN ('PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'SECRET')),
    distribution   text[]      NOT NULL CHECK (cardinality(distribution) >= 1),
    change_note    text        NOT NULL CHECK (length(change_note) BETWEEN 1 AND 2000),
    html           bytea       NOT NULL,
    html_sha256    text        NOT NULL CHECK (html_sha256 ~ '^[0-9a-f]{64}$'),
    pdf            bytea       NOT NULL,
    pdf_sha256     text        NOT NULL CHECK (pdf_sha256 ~ '^[0-9a-f]{64}$'),
    generated_by   text        NOT NULL,
    generated_at   timestamptz NOT NULL,
    UNIQUE (release_id, kind, language, version)
);

CREATE INDEX document_release ON document (release_id, kind, language, version DESC);

GRANT SELECT, INSERT ON document TO ${appRole};
