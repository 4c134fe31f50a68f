/** The tamper evidence of the audit trail: canonical form, hash chain, streaming verification (JDK only). */
package org.gatehouse.platform.audit;
