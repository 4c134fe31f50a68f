/** Browser sessions and the login protection: lockout, per-address throttling, CSRF tokens. */
package org.gatehouse.identity.session;
