/** Authentication, authorization (permissions per endpoint), CSRF and auditing of refusals. */
package org.gatehouse.web.security;
