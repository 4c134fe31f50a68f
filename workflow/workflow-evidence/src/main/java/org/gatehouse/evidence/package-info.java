/**
 * Cryptographic evidence for signed, time-stamped decisions (TC260 guide 7.4.2, 7.4.3, 7.8.4;
 * B.1.3.1-ii): shared value types of the component. Plain Java, BouncyCastle and Jackson only.
 */
package org.gatehouse.evidence;
