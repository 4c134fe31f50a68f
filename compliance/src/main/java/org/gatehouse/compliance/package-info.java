/**
 * The compliance matrix (issue 9, ADR 0021): per project and per clause of the requirements catalogue, the
 * status, the evidence and what is missing, from every {@link org.gatehouse.compliance.ClauseCheck} bean.
 */
package org.gatehouse.compliance;
