/**
 * Report upload intake: declared file types (7.8.3-dr) and safe processing of uploads (7.8.3-ds),
 * from the request stream to a bounded, hashed, decompressed temp file a scanner plugin can read.
 */
package org.gatehouse.scanner.core.intake;
