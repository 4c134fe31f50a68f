-- The lifecycle of a release (issue 6; B.1.3.1-ia..ii, 8.1–8.7): the workflow definition it started
-- with, its current phase, the activities done in that phase, an append-only log of its transitions
-- and the waivers granted on its gates.

ALTER TABLE release
    ADD COLUMN definition_id        text,
    ADD COLUMN definition_version   integer,
    ADD COLUMN phase                text,
    ADD COLUMN lifecycle_version    bigint NOT NULL DEFAULT 0,
    ADD COLUMN completed_activities text   NOT NULL DEFAULT '';

-- Releases opened before the lifecycle existed follow their project's default definition, version 1;
-- a closed one counts as cancelled.
UPDATE release r
   SET definition_id = 'sdl-level-' || p.protection_level,
       definition_version = 1,
       phase = CASE r.status WHEN 'CLOSED' THEN 'CANCELLED' ELSE 'REQUIREMENTS' END
  FROM project p
 WHERE p.project_key = r.project_key;

ALTER TABLE release
    ALTER COLUMN definition_id SET NOT NULL,
    ALTER COLUMN definition_version SET NOT NULL,
    ALTER COLUMN phase SET NOT NULL,
    ADD CONSTRAINT release_definition_id CHECK (definition_id ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$'),
    ADD CONSTRAINT release_definition_version CHECK (definition_version >= 1),
    ADD CONSTRAINT release_phase CHECK (phase IN ('REQUIREMENTS', 'DESIGN', 'DEVELOPMENT', 'TESTING',
        'SECURITY_AUDIT', 'PRE_PRODUCTION_REVIEW', 'RELEASED', 'CANCELLED')),
    -- a release is closed exactly when its lifecycle has ended
    ADD CONSTRAINT release_status_phase CHECK ((status = 'CLOSED') = (phase IN ('RELEASED', 'CANCELLED')));

-- Releases in flight per phase (the portfolio and the release board).
CREATE INDEX release_phase_idx ON release (project_key, phase);

-- Every move of a release (B.1.3.1-ii: decisions and overrides are recorded), numbered by the
-- lifecycle version it produced; gates holds every gate's answer, waivers those that stood in.
CREATE TABLE release_transition (
    release_id   uuid        NOT NULL REFERENCES release (id),
    version      bigint      NOT NULL CHECK (version >= 1),
    definition   text        NOT NULL,
    from_phase   text        NOT NULL,
    to_phase     text        NOT NULL,
    trigger_name text        NOT NULL CHECK (trigger_name ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$'),
    actor        text        NOT NULL,
    actor_roles  text[]      NOT NULL,
    occurred_at  timestamptz NOT NULL,
    gates        jsonb       NOT NULL,
    PRIMARY KEY (release_id, version)
);

-- A security administrator's override of one failing gate, with justification and expiry (B.1.3.1-ii).
CREATE TABLE release_waiver (
    id            uuid        PRIMARY KEY,
    release_id    uuid        NOT NULL REFERENCES release (id),
    gate          text        NOT NULL CHECK (length(gate) BETWEEN 1 AND 100),
    granted_by    text        NOT NULL,
    granted_roles text[]      NOT NULL,
    justification text        NOT NULL CHECK (length(justification) BETWEEN 1 AND 4000),
    granted_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    CONSTRAINT release_waiver_expiry CHECK (expires_at > granted_at)
);
CREATE INDEX release_waiver_release_idx ON release_waiver (release_id, granted_at);

-- The activities completed in a phase (B.1.3.1-ie), with who and when; the release row holds the
-- ones of its current phase visit.
CREATE TABLE release_activity (
    release_id   uuid        NOT NULL REFERENCES release (id),
    version      bigint      NOT NULL,
    phase        text        NOT NULL,
    activity     text        NOT NULL CHECK (activity ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$'),
    completed_by text        NOT NULL,
    completed_at timestamptz NOT NULL,
    note         text        CHECK (length(note) <= 4000),
    PRIMARY KEY (release_id, version)
);

-- The log, the waivers and the activity records are evidence: never changed, never removed.
CREATE FUNCTION lifecycle_record_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER release_transition_append_only BEFORE UPDATE OR DELETE ON release_transition
    FOR EACH ROW EXECUTE FUNCTION lifecycle_record_is_append_only();
CREATE TRIGGER release_transition_no_truncate BEFORE TRUNCATE ON release_transition
    FOR EACH STATEMENT EXECUTE FUNCTION lifecycle_record_is_append_only();
CREATE TRIGGER release_waiver_append_only BEFORE UPDATE OR DELETE ON release_waiver
    FOR EACH ROW EXECUTE FUNCTION lifecycle_record_is_append_only();
CREATE TRIGGER release_waiver_no_truncate BEFORE TRUNCATE ON release_waiver
    FOR EACH STATEMENT EXECUTE FUNCTION lifecycle_record_is_append_only();
CREATE TRIGGER release_activity_append_only BEFORE UPDATE OR DELETE ON release_activity
    FOR EACH ROW EXECUTE FUNCTION lifecycle_record_is_append_only();
CREATE TRIGGER release_activity_no_truncate BEFORE TRUNCATE ON release_activity
    FOR EACH STATEMENT EXECUTE FUNCTION lifecycle_record_is_append_only();

GRANT SELECT, INSERT ON release_transition, release_waiver, release_activity TO ${appRole};

-- The finding gates (issue 6, B.1.3.1-if/ig/ih) look at a project's unresolved findings at or above
-- a severity, then keep those of the release: few rows when a gate is about to pass, whatever the
-- number of findings the release holds. The included columns let PostgreSQL answer from the index
-- alone (an index-only scan) when a release has very many unresolved findings.
CREATE INDEX finding_unresolved_idx ON finding (project_key, severity_rank, scanner)
    INCLUDE (state, first_release, fixed_import)
    WHERE state IN ('NEW', 'CONFIRMED', 'REOPENED', 'FIXED_UNVERIFIED');
