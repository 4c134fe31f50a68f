/** The six documents of B.1.3.1 generated from a release's data, with classification and distribution scope (C.3). */
package org.gatehouse.documents;
