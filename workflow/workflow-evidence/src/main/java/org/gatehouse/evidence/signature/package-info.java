/**
 * Signed statements (TC260 7.4.2, B.1.3.1-ii): a person's decision as canonical JSON, signed with
 * the key enrolled for them, and the offline verification of signature, certificate chain,
 * validity at the signing time and key usage.
 */
package org.gatehouse.evidence.signature;
