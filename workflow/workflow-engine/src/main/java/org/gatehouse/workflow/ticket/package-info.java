/**
 * Tickets of a release (issue 6: tickets move through gates too; ADR 0018): the external tracker's
 * features, stories and bugs, the security requirements naming them, and their small lifecycle
 * REQUIREMENTS_ASSIGNED → DESIGN_REVIEWED → IMPLEMENTED → VERIFIED kept on the ticket.
 */
package org.gatehouse.workflow.ticket;
