-- A finding's history (finding_event), the reports' own records (finding_occurrence) and the releases that saw a
-- finding (finding_release) are written once and never changed by the application: V5 granted UPDATE on them with
-- the tables it needed it for. Least privilege (B.2.4.2-kb, B.1.3.1-ih): an application role that could rewrite an event
-- could forge a finding's history and, through the V27 triggers that count events as they are inserted, the trends
-- computed from it. Only the owner (migrations, repairs) may change them.
REVOKE UPDATE ON finding_event, finding_occurrence, finding_release FROM ${appRole};
