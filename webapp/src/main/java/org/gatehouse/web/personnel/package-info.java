/** The personnel register over HTTP (C.1, issue 9; ADR 0019): a person's vetting, a project's team. */
package org.gatehouse.web.personnel;
