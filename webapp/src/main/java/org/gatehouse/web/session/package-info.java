/** REST resources of the browser session (login, logout, password change). */
package org.gatehouse.web.session;
