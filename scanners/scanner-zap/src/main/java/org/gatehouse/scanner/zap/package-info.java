/** The OWASP ZAP report plugin (XML, JSON, JSON-plus). */
package org.gatehouse.scanner.zap;
