/**
 * Source-repository access grants (C.4: no one holds, copies or lends source code except as their work
 * requires): who may hold or clone which repository, why and until when; requested by a person,
 * approved or refused by a project owner who is neither the requester nor the grantee, revocable,
 * every step audited (ADR 0022).
 */
package org.gatehouse.workflow.sourceaccess;
