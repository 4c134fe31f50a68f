/** REST resources of releases. */
package org.gatehouse.web.release;
