-- Workflow definitions as data (issue 6, 8.1: "a project's workflow definition is versioned"; ADR 0023).
-- Version 1 of the three built-in defaults (sdl-level-1..3) lives in code; every later version a security
-- administrator publishes is stored here as its gatehouse-workflow/1 document in RFC 8785 canonical form,
-- with that form's SHA-256, and never changes: a release keeps the (id, version) it started with
-- (release.definition_id, release.definition_version), so rows are only ever inserted.
CREATE TABLE workflow_definition (
    id            text        NOT NULL CHECK (id ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$' AND length(id) <= 64),
    version       integer     NOT NULL CHECK (version >= 1),
    default_for   smallint    NOT NULL CHECK (default_for BETWEEN 1 AND 3),
    document      text        NOT NULL CHECK (length(document) <= 65536),
    sha256        text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    note          text        NOT NULL CHECK (length(note) BETWEEN 1 AND 2000),
    published_by  text        NOT NULL,
    published_at  timestamptz NOT NULL,
    PRIMARY KEY (id, version)
);

-- A new release of a level starts with the newest definition published for that level.
CREATE INDEX workflow_definition_level_idx ON workflow_definition (default_for, published_at DESC, version DESC);

GRANT SELECT, INSERT ON workflow_definition TO ${appRole};
