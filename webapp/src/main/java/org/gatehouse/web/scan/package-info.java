/** Scans over HTTP (issue 5): start a white-box scan of an uploaded artifact, follow it, cancel it. */
package org.gatehouse.web.scan;
