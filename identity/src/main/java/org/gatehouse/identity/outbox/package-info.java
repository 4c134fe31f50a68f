/** Outbound events (issue 7, ADR 0015): the outbox rows written with the change they describe. */
package org.gatehouse.identity.outbox;
