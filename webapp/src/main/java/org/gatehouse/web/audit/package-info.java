/** REST resources of the audit trail. */
package org.gatehouse.web.audit;
