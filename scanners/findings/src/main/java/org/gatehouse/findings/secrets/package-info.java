/**
 * Production secrets must not be used in development or test (8.5.2, C.2; ADR 0022): the register of a
 * project's production keys by fingerprint ({@link ProductionKeys}) and the secrets check over uploaded
 * test fixtures and build artifacts ({@link SecretsChecks}), whose findings go through the import pipeline.
 */
package org.gatehouse.findings.secrets;
