/** The CycloneDX SBOM plugin (C.4: the licensed-software inventory): components and licences, JSON and XML. */
package org.gatehouse.scanner.cyclonedx;
