/** The compliance matrix over REST (issue 9, ADR 0021): per clause of the catalogue, status, evidence and gaps; its report. */
package org.gatehouse.web.compliance;
