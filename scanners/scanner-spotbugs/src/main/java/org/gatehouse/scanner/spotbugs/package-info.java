/** The SpotBugs / Find Security Bugs XML plugin. */
package org.gatehouse.scanner.spotbugs;
