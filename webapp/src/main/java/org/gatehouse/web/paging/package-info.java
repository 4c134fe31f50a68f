/** Keyset pagination as the API shows it. */
package org.gatehouse.web.paging;
