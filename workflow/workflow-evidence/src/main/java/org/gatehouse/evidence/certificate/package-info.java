/**
 * The release certificate (TC260 7.8.4, with the signed decisions of 7.4.2 and the time-stamps of
 * 7.4.3): one canonical JSON document, format {@code gatehouse-release-certificate/1} (or {@code /2},
 * which adds the roots of external TSAs), that states what was released and on which evidence,
 * carries every signed and time-stamped decision and the certificates to check them, and is sealed by
 * the platform key; plus its offline verifier and the {@code VerifyCertificate} command.
 */
package org.gatehouse.evidence.certificate;
