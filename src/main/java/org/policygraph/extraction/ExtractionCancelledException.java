package org.policygraph.extraction;

/**
 * Extraction stopped before the end of the article because whoever asked for it no longer
 * waits for the answer (its deadline passed).
 */
public class ExtractionCancelledException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	ExtractionCancelledException(int sentences) {
		super("extraction stopped after " + sentences + " sentences: the request's time ran out");
	}

}
