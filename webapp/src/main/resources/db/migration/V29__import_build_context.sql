-- A CI push carries its build's context (issue 7, ADR 0012 amended): besides the commit and build id, the branch,
-- the pipeline run's address and the SHA-256 of the scanned artifact, kept with the import they describe.
ALTER TABLE report_import
    ADD COLUMN branch          text CHECK (length(branch) <= 200),
    ADD COLUMN pipeline_url    text CHECK (length(pipeline_url) <= 2000),
    ADD COLUMN artifact_sha256 text CHECK (artifact_sha256 ~ '^[0-9a-f]{64}$');
