/** Issue-tracker adapters (issue 7, ADR 0016): the SPI in {@code api}, one package per tracker. */
package org.gatehouse.issuetracker;
