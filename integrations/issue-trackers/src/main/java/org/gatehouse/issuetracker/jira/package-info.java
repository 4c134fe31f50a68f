/** Jira (Cloud and Data Center) over REST v2 (wiki text) and v3 (Atlassian Document Format). */
package org.gatehouse.issuetracker.jira;
