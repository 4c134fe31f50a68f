/** The append-only, hash-chained audit trail: recording, search, verification, alerts. */
package org.gatehouse.identity.audit;
