/**
 * Party documents: lookups by identity key or code, the document list, and the fields
 * {@code document.graphqls} declares on a document (issuers, the documents it implements
 * and that implement it, the provinces implementing it).
 */
@NullMarked
package org.policygraph.document;

import org.jspecify.annotations.NullMarked;
