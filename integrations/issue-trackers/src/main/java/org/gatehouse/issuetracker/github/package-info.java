/** GitHub Issues (github.com and GitHub Enterprise Server) over the REST API. */
package org.gatehouse.issuetracker.github;
