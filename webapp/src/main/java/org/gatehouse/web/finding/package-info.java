/** Findings and report imports over HTTP (issue 4). */
package org.gatehouse.web.finding;
