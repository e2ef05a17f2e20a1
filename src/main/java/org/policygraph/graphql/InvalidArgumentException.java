package org.policygraph.graphql;

/**
 * A client sent an argument the API cannot use; reported as a {@code BAD_REQUEST} error naming
 * the argument.
 */
public class InvalidArgumentException extends RuntimeException {

	private final String argument;

	/**
	 * @param argument the argument's name
	 * @param problem what is wrong with it
	 */
	public InvalidArgumentException(String argument, String problem) {
		super("Invalid argument '" + argument + "': " + problem);
		this.argument = argument;
	}

	/**
	 * @return the argument's name
	 */
	public String getArgument() {
		return this.argument;
	}

}
