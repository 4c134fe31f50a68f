/**
 * The personnel register (C.1, issue 9; ADR 0019): per person a background check, a confidentiality
 * agreement and trainings; the vetting a project's protection level requires of its developers, testers
 * and security reviewers, enforced when a role is granted and whenever roles are loaded; role
 * suspensions recorded once by a sweep; and the {@code team.vetted} gate.
 */
package org.gatehouse.workflow.personnel;
