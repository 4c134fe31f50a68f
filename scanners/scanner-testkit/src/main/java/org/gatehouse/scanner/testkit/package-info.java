/** The shared contract test of scanner plugins and the hostile inputs they must refuse. */
package org.gatehouse.scanner.testkit;
