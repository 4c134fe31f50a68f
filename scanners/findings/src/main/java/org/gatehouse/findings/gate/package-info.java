/**
 * The lifecycle gates that read findings (issue 6; B.1.3.1-if, ig, ih): they live with the findings,
 * not in the workflow engine, and only read.
 */
package org.gatehouse.findings.gate;
