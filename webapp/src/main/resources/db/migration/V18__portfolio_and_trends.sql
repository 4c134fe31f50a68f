-- The portfolio and the findings charts (issue 8).

-- Open findings per project and severity with their due dates: the portfolio counts open and
-- SLA-breached findings from this index alone (an index-only scan), and the trends read today's
-- open count from it.
CREATE INDEX finding_open_due_idx ON finding (project_key, severity_rank, due_at)
    WHERE state IN ('NEW', 'CONFIRMED', 'REOPENED');

-- The trends read the state changes of a bounded range of days.
CREATE INDEX finding_event_occurred_idx ON finding_event (occurred_at);
