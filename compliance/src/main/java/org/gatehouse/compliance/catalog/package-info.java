/** The clause catalogue of REQUIREMENTS.md §1–§4 as data, zh-CN and English (issue 9, ADR 0021). */
package org.gatehouse.compliance.catalog;
