package org.policygraph.extraction;

/** The kinds of graph node a relation connects. */
public enum NodeKind {

	PROVINCE, BODY, DOCUMENT

}
