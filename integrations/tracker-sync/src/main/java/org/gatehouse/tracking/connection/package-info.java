/** A project's tracker connection: configuration, sealed credentials, the outbound HTTP client and address policy. */
package org.gatehouse.tracking.connection;
