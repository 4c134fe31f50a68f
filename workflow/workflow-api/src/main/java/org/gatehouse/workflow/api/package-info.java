/** Vocabulary of projects and releases shared by every module: typed ids and enums, no framework. */
package org.gatehouse.workflow.api;
