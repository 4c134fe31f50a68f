/**
 * Uploaded documents of a project (C.3, 7.8.6-ef..ej; ADR 0024): classification and distribution scope, versions
 * with change record and security-impact note, archive state, encryption at rest of confidential and secret
 * versions with rotating keys, a storage quota with a warning, and every read in the audit trail.
 */
package org.gatehouse.documents.upload;
