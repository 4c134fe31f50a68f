/** The tickets of a release and their small lifecycle over HTTP (issue 6: tickets move through gates too; ADR 0018). */
package org.gatehouse.web.ticket;
