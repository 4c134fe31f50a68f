/** The pure lifecycle engine (B.1.3.1-ia..ii, 8.1–8.7): workflow definitions as data, gates, waivers, transitions. */
package org.gatehouse.workflow.lifecycle;
