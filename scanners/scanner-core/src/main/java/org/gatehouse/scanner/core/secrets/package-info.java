/**
 * The secrets check over uploaded test fixtures and build artifacts (C.2, 8.5.2: production keys and
 * passwords must not be used in development and test): a small documented rule set of credential
 * patterns, and fingerprints of registered production keys, as a scanner plugin the import pipeline runs.
 */
package org.gatehouse.scanner.core.secrets;
