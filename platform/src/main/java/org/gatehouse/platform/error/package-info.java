/** Domain exceptions and the stable RFC 9457 problem types they map to. */
package org.gatehouse.platform.error;
