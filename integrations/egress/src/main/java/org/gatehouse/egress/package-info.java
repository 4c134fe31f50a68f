/** Outbound HTTP to user-configured addresses: the address policy and a client pinned to the addresses it checked. */
package org.gatehouse.egress;
