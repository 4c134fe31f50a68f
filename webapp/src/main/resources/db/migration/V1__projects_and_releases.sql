-- Projects and their releases (issue 2). Timestamps are UTC instants (timestamptz).
-- Enum-like columns hold names, never ordinals, guarded by CHECK constraints.

CREATE TABLE project (
    project_key      text        PRIMARY KEY CHECK (project_key ~ '^[A-Z][A-Z0-9]{1,15}$'),
    name             text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description      text        CHECK (length(description) <= 4000),
    protection_level smallint    NOT NULL CHECK (protection_level BETWEEN 1 AND 3),
    owner_login      text        NOT NULL CHECK (length(owner_login) BETWEEN 1 AND 64),
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    row_version      bigint      NOT NULL DEFAULT 0
);

CREATE TABLE release (
    id            uuid        PRIMARY KEY,
    project_key   text        NOT NULL REFERENCES project (project_key),
    version_label text        NOT NULL CHECK (version_label ~ '^[0-9A-Za-z][0-9A-Za-z._+-]{0,63}$'),
    status        text        NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
    created_at    timestamptz NOT NULL,
    closed_at     timestamptz,
    row_version   bigint      NOT NULL DEFAULT 0,
    CONSTRAINT release_version_unique UNIQUE (project_key, version_label),
    CONSTRAINT release_closed_consistent CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL))
);

-- Newest-first keyset listing of a project's releases: WHERE project_key = ? AND id < ? ORDER BY id DESC.
CREATE INDEX release_project_id_idx ON release (project_key, id DESC);
