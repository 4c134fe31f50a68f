/**
 * Workflow definitions as data (issue 6, 8.1, ADR 0023): the {@code gatehouse-workflow/1} document, its strict
 * reader, and the store of published versions beside the built-in defaults.
 */
package org.gatehouse.workflow.definition;
