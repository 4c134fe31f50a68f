/** The outbox relay: fan-out into deliveries, claims with a lease, attempts, back-off (ADR 0015). */
package org.gatehouse.notify.relay;
