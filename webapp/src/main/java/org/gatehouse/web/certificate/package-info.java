/** Release certificates over HTTP (issue 6; 7.8.4): download, the CA to pin, and verification. */
package org.gatehouse.web.certificate;
