/** Findings over time over HTTP (issue 8's charts): bounded ranges, computed in SQL. */
package org.gatehouse.web.trend;
