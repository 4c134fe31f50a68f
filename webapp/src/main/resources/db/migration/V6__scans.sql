-- Scans run by Gatehouse (issue 5; B.1.3.1-if white-box, B.1.3.1-ig black-box). A scan analyses one
-- artifact (whose SHA-256 is kept: the release gate will check that the released artifact is the
-- scanned one) and ends in an import of its report through the findings pipeline.

CREATE TABLE scan (
    id               uuid        PRIMARY KEY,
    project_key      text        NOT NULL REFERENCES project (project_key),
    release_id       uuid        NOT NULL REFERENCES release (id),
    kind             text        NOT NULL CHECK (kind IN ('WHITE_BOX', 'BLACK_BOX')),
    state            text        NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED',
                                     'TIMED_OUT')),
    artifact_name    text        CHECK (length(artifact_name) <= 255),
    artifact_bytes   bigint,
    artifact_sha256  text        CHECK (artifact_sha256 ~ '^[0-9a-f]{64}$'),
    category         text        NOT NULL DEFAULT '',
    commit_sha       text,
    build_id         text,
    requested_by     text        NOT NULL,
    created_at       timestamptz NOT NULL,
    started_at       timestamptz,
    finished_at      timestamptz,
    classes_analysed integer,
    bug_count        integer,
    import_id        uuid        REFERENCES report_import (id),
    error_detail     text        CHECK (length(error_detail) <= 2000),
    -- black-box scans: the running product's URL, the request to ZAP (context, options; JSON) and
    -- ZAP's resumable state (JSON, written as the scan moves on, so that polling resumes after a
    -- restart); an authentication header's value only sealed (AES-GCM under the platform key)
    target_url       text        CHECK (length(target_url) <= 2000),
    zap_request      text,
    zap_state        text,
    auth_sealed      bytea,
    row_version      bigint      NOT NULL DEFAULT 0,
    CONSTRAINT scan_finished CHECK ((state IN ('QUEUED', 'RUNNING')) = (finished_at IS NULL))
);
CREATE INDEX scan_release_idx ON scan (release_id, id DESC);

GRANT SELECT, INSERT, UPDATE ON scan TO ${appRole};
