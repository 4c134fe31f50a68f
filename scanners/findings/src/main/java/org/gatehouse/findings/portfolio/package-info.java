/**
 * The portfolio (issue 8): the caller's projects with their protection level, releases in flight and
 * open findings by severity with SLA breaches, one bounded query per concern.
 */
package org.gatehouse.findings.portfolio;
