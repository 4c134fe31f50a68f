/** Identifier generation shared by every component. */
package org.gatehouse.platform.id;
