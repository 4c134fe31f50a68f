/** System concerns: datasource, migrations, health, security headers, size limits, build info. */
package org.gatehouse.web.system;
