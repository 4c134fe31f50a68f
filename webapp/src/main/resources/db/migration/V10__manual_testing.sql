-- Manual security testing of a release (issue 6; B.1.3.1-ih, 8.5.1): test cases per release (written
-- by testers, or the security-function checklist added in one call), and their executions. A failed
-- execution files a finding of scanner 'manual' into the same lifecycle as scanner findings; a later
-- passed execution of the case re-tests (verifies) a claimed fix. The gate manual-tests.executed
-- reads the latest execution of every case.
--
-- Both tables are evidence: rows are only ever added (the trigger function of V7 refuses UPDATE,
-- DELETE and TRUNCATE, and the application role may only SELECT and INSERT). Re-executing a case adds
-- an execution; the latest one (highest seq) counts.

CREATE TABLE manual_test_case (
    id               uuid        PRIMARY KEY,
    release_id       uuid        NOT NULL REFERENCES release (id),
    project_key      text        NOT NULL REFERENCES project (project_key),
    -- stable within the release: MT-001 … for cases written by hand, SF-01 … for checklist items
    case_key         text        NOT NULL CHECK (case_key ~ '^[A-Z][A-Z0-9]{0,9}-[0-9]{1,4}$'),
    title            text        NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    steps            text        NOT NULL CHECK (length(steps) BETWEEN 1 AND 8000),
    expected_result  text        NOT NULL CHECK (length(expected_result) BETWEEN 1 AND 4000),
    -- ids of security requirements (e.g. SR-8.3-em-1); only their form is checked here
    requirement_refs text[]      NOT NULL DEFAULT '{}' CHECK (cardinality(requirement_refs) <= 20),
    origin           text        NOT NULL CHECK (origin IN ('MANUAL', 'CHECKLIST')),
    -- the baseline item a checklist case came from (e.g. 'authentication'); one per release
    checklist_item   text        CHECK (checklist_item ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$'),
    created_by       text        NOT NULL,
    created_at       timestamptz NOT NULL,
    CONSTRAINT manual_test_case_key UNIQUE (release_id, case_key),
    CONSTRAINT manual_test_case_origin CHECK ((origin = 'CHECKLIST') = (checklist_item IS NOT NULL))
);
CREATE UNIQUE INDEX manual_test_case_checklist_idx ON manual_test_case (release_id, checklist_item)
    WHERE checklist_item IS NOT NULL;

CREATE TABLE manual_test_execution (
    id           uuid        PRIMARY KEY,
    seq          bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    test_case_id uuid        NOT NULL REFERENCES manual_test_case (id),
    result       text        NOT NULL CHECK (result IN ('PASSED', 'FAILED', 'BLOCKED', 'NOT_APPLICABLE')),
    tester       text        NOT NULL,
    executed_at  timestamptz NOT NULL,
    notes        text        CHECK (length(notes) <= 4000),
    evidence     text        CHECK (length(evidence) <= 4000),
    evidence_url text        CHECK (length(evidence_url) <= 2000 AND evidence_url ~ '^https?://'),
    -- the severity of the finding a failure files (or reopens)
    severity     text        CHECK (severity IN ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO')),
    -- the finding this execution filed, reopened, verified or found still open (no foreign key: the
    -- finding table has none pointing at it either, see V5)
    finding_id   uuid,
    CONSTRAINT manual_test_execution_severity CHECK ((result = 'FAILED') = (severity IS NOT NULL))
);
-- the latest execution of a case: WHERE test_case_id = ? ORDER BY seq DESC LIMIT 1
CREATE INDEX manual_test_execution_case_idx ON manual_test_execution (test_case_id, seq DESC)
    INCLUDE (result);

CREATE TRIGGER manual_test_case_append_only BEFORE UPDATE OR DELETE ON manual_test_case
    FOR EACH ROW EXECUTE FUNCTION lifecycle_record_is_append_only();
CREATE TRIGGER manual_test_case_no_truncate BEFORE TRUNCATE ON manual_test_case
    FOR EACH STATEMENT EXECUTE FUNCTION lifecycle_record_is_append_only();
CREATE TRIGGER manual_test_execution_append_only BEFORE UPDATE OR DELETE ON manual_test_execution
    FOR EACH ROW EXECUTE FUNCTION lifecycle_record_is_append_only();
CREATE TRIGGER manual_test_execution_no_truncate BEFORE TRUNCATE ON manual_test_execution
    FOR EACH STATEMENT EXECUTE FUNCTION lifecycle_record_is_append_only();

GRANT SELECT, INSERT ON manual_test_case, manual_test_execution TO ${appRole};

COMMENT ON COLUMN finding.first_import IS
    'the import that created the finding; for scanner ''manual'' the manual_test_execution that filed it';
