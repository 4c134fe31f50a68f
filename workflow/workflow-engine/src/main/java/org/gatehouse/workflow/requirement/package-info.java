/**
 * Security requirements, the risk assessment and consensus sign-offs of a release (issue 6;
 * B.1.3.1-ib, 8.2, 8.3), with the gates that read them.
 */
package org.gatehouse.workflow.requirement;
