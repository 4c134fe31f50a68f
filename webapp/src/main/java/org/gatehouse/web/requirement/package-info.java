/** Security requirements, the risk assessment and sign-offs of a release over HTTP (issue 6; B.1.3.1-ib, 8.2, 8.3). */
package org.gatehouse.web.requirement;
