/** The scanner plugin registry and, growing here, the findings import pipeline. */
package org.gatehouse.scanner.core;
