-- The coding standard a release is built against (B.1.3.1-id) and its build provenance (C.4): the
-- commit, the CI build and the digests of the artifacts that are released, which the level-3 gate
-- compares with the artifacts the white-box scans analysed.

CREATE TABLE coding_standard (
    release_id      uuid        PRIMARY KEY REFERENCES release (id),
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    version         text        NOT NULL CHECK (length(version) BETWEEN 1 AND 64),
    location        text        CHECK (length(location) <= 1000),
    document_sha256 text        CHECK (document_sha256 ~ '^[0-9a-f]{64}$'),
    attached_by     text        NOT NULL,
    attached_at     timestamptz NOT NULL
);

CREATE TABLE release_build (
    release_id   uuid        PRIMARY KEY REFERENCES release (id),
    commit_sha   text        NOT NULL CHECK (commit_sha ~ '^[0-9a-f]{7,64}$'),
    build_id     text        NOT NULL CHECK (length(build_id) BETWEEN 1 AND 200),
    pipeline_url text        CHECK (pipeline_url ~ '^https?://' AND length(pipeline_url) <= 1000),
    recorded_by  text        NOT NULL,
    recorded_at  timestamptz NOT NULL
);

CREATE TABLE release_build_artifact (
    release_id uuid NOT NULL REFERENCES release_build (release_id),
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
    sha256     text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    PRIMARY KEY (release_id, name)
);

GRANT SELECT, INSERT, UPDATE ON coding_standard, release_build TO ${appRole};
GRANT SELECT, INSERT, DELETE ON release_build_artifact TO ${appRole};
