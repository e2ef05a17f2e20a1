package org.policygraph.graphql;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A client sent an argument the API cannot use; reported as a {@code BAD_REQUEST} error
 * naming the argument.
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
	 * A period's end must not come before its start; either may be open.
	 * @param from the first day, or {@code null}
	 * @param to the last day, or {@code null}
	 * @throws InvalidArgumentException naming {@code to} when it is before {@code from}
	 */
	public static void requirePeriod(@Nullable LocalDate from, @Nullable LocalDate to) {
		if (from != null && to != null && from.isAfter(to)) {
			throw new InvalidArgumentException("to", "must not be before 'from' (" + from + "), was " + to);
		}
	}

	/**
	 * @return the argument's name
	 */
	public String getArgument() {
		return this.argument;
	}

}
