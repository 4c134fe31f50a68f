/** Links between findings and issues, and the sync both ways: comments out, webhooks and reconcile in. */
package org.gatehouse.tracking.sync;
