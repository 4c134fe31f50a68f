-- Findings and their imports (issue 4; B.1.3.1-ih: defects are tracked until fixed and re-tested).
--
-- A report_import is one report of one scanner for one release (and an optional category). Its
-- rows are written with COPY into finding_occurrence (one row per result of the report, the
-- report's own record of what it saw); set-based statements then derive the tracked findings
-- (one per project, scanner and fingerprint) and their state changes, all in one transaction.
--
-- The bulk-written tables (finding, finding_occurrence, finding_release) carry no foreign keys:
-- PostgreSQL checks a foreign key row by row with a trigger, which cost 0.3 s per 70,000 findings
-- (even for NULL values) and more than the COPY itself for the occurrences. Their one writer, the
-- import pipeline, inserts them in the same transaction as the rows they point to, after checking
-- the project and release; projects, releases and imports are never deleted.

-- Time-ordered UUIDs (RFC 9562 version 7) generated in SQL, so that the findings' primary key and
-- the (…, id) listing indexes grow at their right edge instead of at random places.
CREATE FUNCTION gatehouse_uuid7() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
    SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
        PLACING substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6),
        52, 1), 53, 1), 'hex')::uuid
$$;

CREATE TABLE report_import (
    id              uuid        PRIMARY KEY,
    project_key     text        NOT NULL REFERENCES project (project_key),
    release_id      uuid        NOT NULL REFERENCES release (id),
    scanner         text        NOT NULL CHECK (scanner ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$'),
    category        text        NOT NULL DEFAULT '' CHECK (length(category) <= 100),
    status          text        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    file_name       text        NOT NULL CHECK (length(file_name) <= 255),
    uploaded_bytes  bigint      NOT NULL,
    report_bytes    bigint      NOT NULL,
    report_sha256   text        NOT NULL CHECK (report_sha256 ~ '^[0-9a-f]{64}$'),
    commit_sha      text        CHECK (length(commit_sha) <= 64),
    build_id        text        CHECK (length(build_id) <= 200),
    requested_by    text        NOT NULL,
    created_at      timestamptz NOT NULL,
    started_at      timestamptz,
    finished_at     timestamptz,
    previous_import uuid        REFERENCES report_import (id),
    results_read    bigint,
    findings_seen   integer,
    created_count   integer,
    unchanged_count integer,
    closed_count    integer,
    reopened_count  integer,
    verified_count  integer,
    error_type      text,
    error_detail    text        CHECK (length(error_detail) <= 2000),
    CONSTRAINT report_import_finished CHECK ((status IN ('COMPLETED', 'FAILED')) = (finished_at IS NOT NULL))
);

-- A release's imports, newest first (ids are time-ordered).
CREATE INDEX report_import_release_idx ON report_import (release_id, id DESC);
-- The previous import of a scope: WHERE release_id = ? AND scanner = ? AND category = ? AND status = 'COMPLETED'
CREATE INDEX report_import_scope_idx ON report_import (release_id, scanner, category, finished_at DESC)
    WHERE status = 'COMPLETED';
CREATE INDEX report_import_project_idx ON report_import (project_key, scanner, category, finished_at DESC)
    WHERE status = 'COMPLETED';

CREATE TABLE finding (
    id                uuid        PRIMARY KEY,
    project_key       text        NOT NULL,
    scanner           text        NOT NULL,
    fingerprint       text        NOT NULL,
    tool              text        NOT NULL,
    rule_id           text        NOT NULL,
    title             text        NOT NULL,
    severity          text        NOT NULL CHECK (severity IN ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO')),
    severity_rank     smallint    GENERATED ALWAYS AS (CASE severity WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1
                                      WHEN 'MEDIUM' THEN 2 WHEN 'LOW' THEN 3 ELSE 4 END) STORED,
    cwe               integer,
    location          text        NOT NULL,
    state             text        NOT NULL CHECK (state IN ('NEW', 'CONFIRMED', 'FIXED_UNVERIFIED', 'VERIFIED',
                                      'REOPENED', 'FALSE_POSITIVE', 'RISK_ACCEPTED', 'SUPPRESSED')),
    suppression       text,
    first_import      uuid        NOT NULL,
    first_release     uuid        NOT NULL,
    fixed_import      uuid,
    created_at        timestamptz NOT NULL,
    due_at            timestamptz NOT NULL,
    state_changed_at  timestamptz NOT NULL,
    -- a pending dismissal (false positive or risk acceptance), requested by one person and
    -- approved by a security reviewer who is another (separation of duties)
    requested_state   text        CHECK (requested_state IN ('FALSE_POSITIVE', 'RISK_ACCEPTED')),
    requested_by      uuid,
    requested_by_name text,
    requested_at      timestamptz,
    request_reason    text        CHECK (length(request_reason) <= 4000),
    request_expires   timestamptz,
    approved_by_name  text,
    accepted_until    timestamptz,
    row_version       bigint      NOT NULL DEFAULT 0,
    CONSTRAINT finding_identity UNIQUE (project_key, scanner, fingerprint),
    CONSTRAINT finding_request_complete CHECK ((requested_state IS NULL) = (requested_by IS NULL)),
    CONSTRAINT finding_acceptance_expires CHECK ((state = 'RISK_ACCEPTED') = (accepted_until IS NOT NULL))
);

-- The findings listing: keyset by (sort key, id) within a project, for the sorts the API offers.
CREATE INDEX finding_severity_idx ON finding (project_key, severity_rank, id);
CREATE INDEX finding_due_idx ON finding (project_key, due_at, id);
CREATE INDEX finding_newest_idx ON finding (project_key, id);
CREATE INDEX finding_fixed_idx ON finding (fixed_import) WHERE state = 'FIXED_UNVERIFIED';
CREATE INDEX finding_accepted_idx ON finding (accepted_until) WHERE state = 'RISK_ACCEPTED';

-- One row per result of an import: the report's own record. Findings are derived from it by
-- fingerprint, so the rows go in with COPY without a lookup. One compact index: the import and the
-- first 64 bits of the fingerprint's hash (fingerprint_key), for "this import's rows" and "this
-- finding's occurrences in that import"; (import_id, ordinal) is unique by construction.
CREATE TABLE finding_occurrence (
    import_id       uuid     NOT NULL,
    ordinal         integer  NOT NULL,
    fingerprint_key bigint   NOT NULL,
    fingerprint     text     NOT NULL,
    tool          text     NOT NULL,
    tool_version  text,
    rule_id       text     NOT NULL,
    title         text     NOT NULL,
    severity      text     NOT NULL,
    cwe           integer,
    path          text,
    start_line    integer,
    end_line      integer,
    logical       text,
    url           text,
    http_method   text,
    parameter     text,
    description   text     NOT NULL,
    suppression   text
);
CREATE INDEX finding_occurrence_import_idx ON finding_occurrence (import_id, fingerprint_key);

-- Which releases saw a finding besides the one that created it (finding.first_release): the release
-- filter of the listing.
CREATE TABLE finding_release (
    release_id uuid NOT NULL,
    finding_id uuid NOT NULL,
    PRIMARY KEY (release_id, finding_id)
);

-- Every state change of a finding after its creation, with who and why (the finding's history;
-- the audit trail holds the same change for manual decisions and one record per import).
CREATE TABLE finding_event (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    finding_id  uuid        NOT NULL REFERENCES finding (id),
    occurred_at timestamptz NOT NULL,
    actor       text        NOT NULL,
    from_state  text        NOT NULL,
    to_state    text        NOT NULL,
    import_id   uuid        REFERENCES report_import (id),
    reason      text        CHECK (length(reason) <= 4000)
);
CREATE INDEX finding_event_finding_idx ON finding_event (finding_id, id);

-- Notifications may now address the owners of one project (expired risk acceptances).
ALTER TABLE notification DROP CONSTRAINT notification_audience_check;
ALTER TABLE notification ADD COLUMN project_key text;
ALTER TABLE notification ADD CONSTRAINT notification_audience_check
    CHECK (audience IN ('SECURITY_ADMINISTRATOR', 'ADMINISTRATOR', 'PROJECT_OWNER'));
ALTER TABLE notification ADD CONSTRAINT notification_project_audience
    CHECK ((audience = 'PROJECT_OWNER') = (project_key IS NOT NULL));
CREATE INDEX notification_project_idx ON notification (project_key, created_at DESC) WHERE project_key IS NOT NULL;

GRANT SELECT, INSERT, UPDATE ON report_import, finding, finding_occurrence, finding_release, finding_event TO ${appRole};
GRANT EXECUTE ON FUNCTION gatehouse_uuid7() TO ${appRole};

-- After a large import the listing's plans need fresh statistics at once; ANALYZE needs the table's
-- owner (or PostgreSQL 17's MAINTAIN), so the application role gets this one narrow function.
CREATE FUNCTION gatehouse_analyze_findings() RETURNS void LANGUAGE sql SECURITY DEFINER
    SET search_path = pg_catalog, public AS $$
    ANALYZE public.finding, public.finding_release
$$;
REVOKE ALL ON FUNCTION gatehouse_analyze_findings() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION gatehouse_analyze_findings() TO ${appRole};
