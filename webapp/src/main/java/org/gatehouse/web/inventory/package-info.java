/** The licensed-software inventory of releases and the projects' licence policies over REST (C.4). */
package org.gatehouse.web.inventory;
