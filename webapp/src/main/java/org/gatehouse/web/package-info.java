/** The REST application root. */
package org.gatehouse.web;
