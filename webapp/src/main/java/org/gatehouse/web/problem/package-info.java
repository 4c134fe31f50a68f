/** RFC 9457 problem details: the one place where exceptions become HTTP responses. */
package org.gatehouse.web.problem;
