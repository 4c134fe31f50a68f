-- Issue 4, ADR 0007 (second amendment): the findings listing's newest-first order within a project is the merge of
-- the newest of each severity, read from finding_severity_idx (project_key, severity_rank, id). One index less to
-- write for every finding an import creates (about 0.1 s of database time per 70,000 new findings) and about 45 MB
-- less per million findings. Newest first across projects reads the primary key.
DROP INDEX finding_newest_idx;
