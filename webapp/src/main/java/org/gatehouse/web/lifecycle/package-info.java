/** The lifecycle of a release over HTTP (issue 6): where it stands, the dry run, moves, activities, waivers, the CI gate. */
package org.gatehouse.web.lifecycle;
