/** REST resources of the issue-tracker sync (issue 7): the project's connection, issue links, the webhook receiver. */
package org.gatehouse.web.tracker;
