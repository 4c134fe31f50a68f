/** The document store: append-only versions, classification and distribution scope checked on every read, reads audited (C.3). */
package org.gatehouse.documents.store;
