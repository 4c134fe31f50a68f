/** REST resources of accounts and role grants. */
package org.gatehouse.web.account;
