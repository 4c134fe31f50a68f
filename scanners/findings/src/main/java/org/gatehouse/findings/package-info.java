/**
 * Tracked findings (issue 4, B.1.3.1-ih): the import pipeline that turns reports into findings and
 * keeps their identity across scans, the lifecycle with its separation of duties, and the listing.
 */
package org.gatehouse.findings;
