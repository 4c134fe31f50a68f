/** Time as stored: UTC instants at microsecond precision. */
package org.gatehouse.platform.time;
