-- White-box scan inputs (issue 5): an artifact named by a path on the server (CI agents that share
-- storage; only under GATEHOUSE_SCAN_PATH_ROOTS, copied and hashed like an upload) keeps its canonical
-- path; the number of dependency jars on the auxiliary classpath; and the rule set the scan ran with
-- (categories, include/exclude rules, confidence) as canonical JSON, validated by Gatehouse, never raw
-- filter XML.

ALTER TABLE scan
    ADD COLUMN artifact_path    text    CHECK (length(artifact_path) <= 4096),
    ADD COLUMN dependency_count integer CHECK (dependency_count >= 0),
    ADD COLUMN rules            text    CHECK (length(rules) <= 65536);
