-- Issue 4 (B.1.3.1-ih, four eyes), ADR 0007 fifth amendment: a security reviewer's queue, the findings of a project
-- with a pending dismissal request (GET /findings?pending=true or ?requested=…). Without an index the listing reads
-- every finding of the project (about 200 ms for a million); this one holds only the few findings that wait for a
-- decision (16 kB for a million findings with 44 requests; 0.6 ms). Imports are not slowed down: the findings they
-- create or change have no request, and a partial index gets no entry for a row outside its predicate.
CREATE INDEX finding_requested_idx ON finding (project_key, severity_rank, id) WHERE requested_state IS NOT NULL;
