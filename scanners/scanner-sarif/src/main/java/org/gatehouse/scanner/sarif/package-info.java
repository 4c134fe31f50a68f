/** The SARIF 2.1.0 plugin: any tool that writes SARIF (CodeQL, SpotBugs, Semgrep, Gitleaks, ...). */
package org.gatehouse.scanner.sarif;
