/** REST resources of in-platform notifications. */
package org.gatehouse.web.notification;
