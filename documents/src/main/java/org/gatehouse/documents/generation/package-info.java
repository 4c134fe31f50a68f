/** Turning a release's data into the documents: the data read once, HTML (escaped, well-formed XHTML), PDF with an embedded CJK font. */
package org.gatehouse.documents.generation;
