/** Outbound events (issue 7, ADR 0015): relay, webhooks and e-mail. */
package org.gatehouse.notify;
