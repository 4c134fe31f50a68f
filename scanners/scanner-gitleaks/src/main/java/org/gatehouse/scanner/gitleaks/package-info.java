/** The Gitleaks 8 report plugin (C.2, 8.5.2: secrets in source and history become tracked findings). */
package org.gatehouse.scanner.gitleaks;
