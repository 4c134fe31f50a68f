/** The second factor: RFC 6238 TOTP, recovery codes, and secrets sealed at rest. */
package org.gatehouse.identity.secondfactor;
