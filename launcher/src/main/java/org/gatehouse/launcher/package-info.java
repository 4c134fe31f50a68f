/** The run command and the process helpers that the integration-test harness shares with it. */
package org.gatehouse.launcher;
