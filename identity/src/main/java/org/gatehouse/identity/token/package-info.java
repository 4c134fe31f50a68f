/** Service accounts of projects and their scoped, expiring API tokens (7.8.3). */
package org.gatehouse.identity.token;
