/**
 * RFC 8785 JSON Canonicalization Scheme for the subset Gatehouse signs: objects, arrays, strings,
 * booleans, null and integers within the I-JSON range. Signed statements and the release
 * certificate are signed over this form (TC260 7.4.2, 7.8.4), so a verifier can recompute it.
 */
package org.gatehouse.evidence.json;
