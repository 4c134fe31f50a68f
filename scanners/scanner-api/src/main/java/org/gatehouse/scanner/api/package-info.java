/** The scanner plugin SPI: descriptors, reported findings, locations, fingerprints, typed parse errors. */
package org.gatehouse.scanner.api;
