/** HTTP helpers shared by the resources. */
package org.gatehouse.web.support;
