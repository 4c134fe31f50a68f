-- What a tool says about a result beyond the common columns (issue 4: ZAP's confidence, WASC id, attack and evidence
-- per instance; SpotBugs' category, priority and rank): ReportedFinding.details, a flat object of strings, NULL when
-- there are none (every SARIF result). json, not jsonb: it keeps the plugin's order of the keys, costs no conversion
-- per result, and nothing queries into it. Adding a nullable column without a default rewrites nothing.
ALTER TABLE finding_occurrence ADD COLUMN details json;
