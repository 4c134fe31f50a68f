/**
 * The Gatehouse signing authority: a self-signed ECDSA P-256 CA that issues the certificates of
 * user signing keys (enrolment), of the time-stamping authority and of the platform seal, and the
 * offline check that a certificate chains to it for a given purpose and instant (TC260 7.4.2,
 * 7.4.3, 7.8.4).
 */
package org.gatehouse.evidence.authority;
