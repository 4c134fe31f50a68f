-- Tickets are verified by test or scan (issue 6, B.1.3.1-ih, ADR 0018 amended): a security requirement may name
-- the weaknesses (CWE ids) a scan checks for it. Such a requirement of an implemented ticket is verified by a scan
-- of the release completed after the ticket was implemented, with no unresolved finding of those weaknesses.
ALTER TABLE security_requirement ADD COLUMN scan_cwes integer[] NOT NULL DEFAULT '{}'
    CONSTRAINT security_requirement_scan_cwes CHECK (cardinality(scan_cwes) <= 20 AND 0 < ALL (scan_cwes)
        AND 100000 > ALL (scan_cwes));
