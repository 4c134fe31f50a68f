/** REST resources of CI credentials: service accounts and API tokens. */
package org.gatehouse.web.credential;
