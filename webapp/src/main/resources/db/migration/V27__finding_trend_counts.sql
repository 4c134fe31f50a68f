-- The findings charts read counts kept as findings change, not a year of history per request (issue 8, ADR 0017
-- amended). Two insert-only tables, written only by the triggers below (the application role can read them, not
-- write them):
--   finding_open_change: per project, quarter hour and severity, how many findings became open (+) or stopped
--     being open (−). Open findings at the end of a day are the sum of the changes before its end. A quarter hour
--     is the bucket because every zone's offset is a multiple of it, so a day in any zone is a whole number of
--     buckets.
--   finding_first_fix: per finding, its first move from open to fixed or verified, and the days it took.
-- A finding's severity never changes after it is created (only imports create findings), so a change counts under
-- the finding's one severity.

CREATE TABLE finding_open_change (
    project_key   text        NOT NULL,
    bucket        timestamptz NOT NULL,
    severity_rank smallint    NOT NULL,
    delta         integer     NOT NULL
);
CREATE INDEX finding_open_change_idx ON finding_open_change (project_key, bucket) INCLUDE (severity_rank, delta);

CREATE TABLE finding_first_fix (
    finding_id    uuid        PRIMARY KEY REFERENCES finding (id),
    project_key   text        NOT NULL,
    fixed_at      timestamptz NOT NULL,
    severity_rank smallint    NOT NULL,
    days          double precision NOT NULL
);
CREATE INDEX finding_first_fix_idx ON finding_first_fix (project_key, fixed_at) INCLUDE (severity_rank, days);

CREATE FUNCTION gatehouse_trend_bucket(t timestamptz) RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT to_timestamp(floor(extract(epoch FROM t) / 900) * 900)
$$;

CREATE FUNCTION gatehouse_is_open(state text) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN state IN ('NEW', 'CONFIRMED', 'REOPENED') THEN 1 ELSE 0 END
$$;

-- A new finding counts from its creation when it is created open (a finding suppressed in source is not).
CREATE FUNCTION gatehouse_trend_findings_created() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public AS $$
BEGIN
    INSERT INTO finding_open_change (project_key, bucket, severity_rank, delta)
    SELECT project_key, gatehouse_trend_bucket(created_at), severity_rank, count(*)
      FROM created_findings WHERE gatehouse_is_open(state) = 1
     GROUP BY 1, 2, 3;
    RETURN NULL;
END $$;
CREATE TRIGGER finding_trend_created AFTER INSERT ON finding REFERENCING NEW TABLE AS created_findings
    FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_trend_findings_created();

-- Every state change of a finding is a finding_event (imports, triage, manual tests, tracker sync): one crossing
-- between open and not open is one change; a first move from open to fixed or verified is a first fix.
CREATE FUNCTION gatehouse_trend_findings_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, public AS $$
BEGIN
    INSERT INTO finding_open_change (project_key, bucket, severity_rank, delta)
    SELECT f.project_key, gatehouse_trend_bucket(e.occurred_at), f.severity_rank,
           sum(gatehouse_is_open(e.to_state) - gatehouse_is_open(e.from_state))
      FROM new_events e JOIN finding f ON f.id = e.finding_id
     WHERE gatehouse_is_open(e.to_state) <> gatehouse_is_open(e.from_state)
     GROUP BY 1, 2, 3;
    INSERT INTO finding_first_fix (finding_id, project_key, fixed_at, severity_rank, days)
    SELECT DISTINCT ON (e.finding_id) e.finding_id, f.project_key, e.occurred_at, f.severity_rank,
           extract(epoch FROM e.occurred_at - f.created_at) / 86400.0
      FROM new_events e JOIN finding f ON f.id = e.finding_id
     WHERE gatehouse_is_open(e.from_state) = 1 AND e.to_state IN ('FIXED_UNVERIFIED', 'VERIFIED')
     ORDER BY e.finding_id, e.id
    ON CONFLICT (finding_id) DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER finding_trend_changed AFTER INSERT ON finding_event REFERENCING NEW TABLE AS new_events
    FOR EACH STATEMENT EXECUTE FUNCTION gatehouse_trend_findings_changed();

-- Recomputes one project's counts from its findings and their events: the back-fill below, and the repair after
-- history was written behind the application's back (a restore, a data fix). Owner only.
CREATE FUNCTION gatehouse_rebuild_finding_trends(project text) RETURNS void LANGUAGE plpgsql
    SET search_path = pg_catalog, public AS $$
BEGIN
    DELETE FROM finding_open_change WHERE project_key = project;
    DELETE FROM finding_first_fix WHERE project_key = project;
    -- created open: the state before the finding's first event, or its state when it has none
    INSERT INTO finding_open_change (project_key, bucket, severity_rank, delta)
    SELECT f.project_key, gatehouse_trend_bucket(f.created_at), f.severity_rank, count(*)
      FROM finding f
      LEFT JOIN LATERAL (SELECT e.from_state FROM finding_event e WHERE e.finding_id = f.id ORDER BY e.id LIMIT 1) first
             ON true
     WHERE f.project_key = project AND gatehouse_is_open(COALESCE(first.from_state, f.state)) = 1
     GROUP BY 1, 2, 3;
    INSERT INTO finding_open_change (project_key, bucket, severity_rank, delta)
    SELECT f.project_key, gatehouse_trend_bucket(e.occurred_at), f.severity_rank,
           sum(gatehouse_is_open(e.to_state) - gatehouse_is_open(e.from_state))
      FROM finding_event e JOIN finding f ON f.id = e.finding_id
     WHERE f.project_key = project AND gatehouse_is_open(e.to_state) <> gatehouse_is_open(e.from_state)
     GROUP BY 1, 2, 3;
    INSERT INTO finding_first_fix (finding_id, project_key, fixed_at, severity_rank, days)
    SELECT DISTINCT ON (e.finding_id) e.finding_id, f.project_key, e.occurred_at, f.severity_rank,
           extract(epoch FROM e.occurred_at - f.created_at) / 86400.0
      FROM finding_event e JOIN finding f ON f.id = e.finding_id
     WHERE f.project_key = project AND gatehouse_is_open(e.from_state) = 1
       AND e.to_state IN ('FIXED_UNVERIFIED', 'VERIFIED')
     ORDER BY e.finding_id, e.id;
END $$;
REVOKE ALL ON FUNCTION gatehouse_rebuild_finding_trends(text) FROM PUBLIC;

SELECT gatehouse_rebuild_finding_trends(key) FROM (SELECT DISTINCT project_key AS key FROM finding) projects;

GRANT SELECT ON finding_open_change, finding_first_fix TO ${appRole};
