/** A tracked finding, its lifecycle states and the triage decisions on it. */
package org.gatehouse.findings.finding;
