/** REST resources of outbound events: a project's webhooks and delivery log, one's e-mail preferences (issue 7). */
package org.gatehouse.web.webhook;
