/** Keyset pagination: opaque cursors and pages. */
package org.gatehouse.platform.paging;
