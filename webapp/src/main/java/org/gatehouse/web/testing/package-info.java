/** Manual security testing over HTTP (B.1.3.1-ih, 8.5.1): a release's test cases, the checklist, executions. */
package org.gatehouse.web.testing;
