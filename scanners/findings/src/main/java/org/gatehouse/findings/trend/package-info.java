/**
 * Findings over time (issue 8's charts): open findings per day and severity, mean time to fix per
 * week, and a release's SLA burn-down, computed in SQL from finding_event over bounded ranges.
 */
package org.gatehouse.findings.trend;
