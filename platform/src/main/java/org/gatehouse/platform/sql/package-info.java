/** SQL error classification shared by the persistence code of every component. */
package org.gatehouse.platform.sql;
