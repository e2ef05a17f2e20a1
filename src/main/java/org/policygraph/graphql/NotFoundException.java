package org.policygraph.graphql;

/**
 * What a client asked for does not exist where the API cannot answer {@code null};
 * reported as a {@code NOT_FOUND} error.
 */
public class NotFoundException extends RuntimeException {

	/**
	 * @param message what was not found
	 */
	public NotFoundException(String message) {
		super(message);
	}

}
