/** Issue-tracker sync (issue 7, ADR 0016): connections per project, links, comments, webhooks, reconcile. */
package org.gatehouse.tracking;
