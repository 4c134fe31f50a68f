/** The findings listing: filters, sorts and keyset pages over a million rows. */
package org.gatehouse.findings.listing;
