/** The generated documents of releases over REST (C.3: classification and distribution scope enforced on every read). */
package org.gatehouse.web.document;
