/**
 * REST resources of a project's environments, devices and production keys, and the secrets check over
 * uploaded test fixtures and build artifacts (issue 9: C.2, 8.5.2).
 */
package org.gatehouse.web.environment;
