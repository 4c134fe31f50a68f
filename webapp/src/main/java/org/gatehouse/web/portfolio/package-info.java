/** The portfolio over HTTP: the start screen's data in one call (issue 8). */
package org.gatehouse.web.portfolio;
