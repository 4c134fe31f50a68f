/**
 * Signed, time-stamped lifecycle decisions (issue 6; TC260 7.4.2, 7.4.3, 7.8.4): the platform's
 * signing CA and time-stamp authority, per-person keys, and the signatures of a release's decisions.
 */
package org.gatehouse.workflow.signing;
