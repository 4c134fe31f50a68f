/**
 * A project's environments and devices (C.2, 8.5.2): development, test, staging and production kept
 * apart by network zone (a production environment never shares a zone with development or test), and
 * the devices used for the work with their responsible person and compliance status (ADR 0022).
 */
package org.gatehouse.workflow.environment;
