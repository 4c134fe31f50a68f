/** REST resources of projects. */
package org.gatehouse.web.project;
