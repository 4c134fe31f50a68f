/** Roles, permissions (the matrix as data), actors, role grants, separation of duties. */
package org.gatehouse.identity.access;
