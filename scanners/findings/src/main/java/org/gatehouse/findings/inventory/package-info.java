/** The licensed-software inventory of releases and the projects' licence policies (C.4, ADR 0020). */
package org.gatehouse.findings.inventory;
