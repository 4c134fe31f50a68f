/** The compliance matrix as a report: XHTML with the documents' writer and style, PDF through their renderer. */
package org.gatehouse.compliance.report;
