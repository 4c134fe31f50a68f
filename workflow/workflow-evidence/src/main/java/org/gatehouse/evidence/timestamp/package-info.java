/**
 * RFC 3161 time-stamps (TC260 7.4.3: when a decision was signed is proved by a third party, not
 * claimed by the signer): the own time-stamping authority, an HTTP client for an external TSA
 * behind the one {@link org.gatehouse.evidence.timestamp.TimeStamper} interface, and the offline
 * verification of a token.
 */
package org.gatehouse.evidence.timestamp;
