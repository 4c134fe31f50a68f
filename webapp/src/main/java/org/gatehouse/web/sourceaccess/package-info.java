/** REST resources of source-repository access grants (issue 9: C.4). */
package org.gatehouse.web.sourceaccess;
