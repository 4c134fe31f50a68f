/** The issue-tracker SPI: a small interface found by ServiceLoader, its value types, and the shared guarded HTTP client. */
package org.gatehouse.issuetracker.api;
