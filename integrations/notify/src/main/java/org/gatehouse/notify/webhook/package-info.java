/** Per-project webhooks: targets checked against SSRF, sealed secrets, signed payloads, delivery log. */
package org.gatehouse.notify.webhook;
