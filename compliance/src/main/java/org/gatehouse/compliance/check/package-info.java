/**
 * The platform's own clause checks (ADR 0021): gates, documents, releases and certificates, signatures,
 * identity, the audit trail, the CI push API, scans and build provenance. Other modules add theirs as beans.
 */
package org.gatehouse.compliance.check;
