/** Small cryptographic helpers shared by the components. */
package org.gatehouse.platform.crypto;
