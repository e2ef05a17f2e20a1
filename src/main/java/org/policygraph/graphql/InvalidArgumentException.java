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
	 * A span of years: the last must not come before the first; either may be open.
	 * @param fromYear the first year, or {@code null}
	 * @param toYear the last year, or {@code null}
	 * @throws InvalidArgumentException naming {@code toYear} when it is before
	 * {@code fromYear}
	 */
	public static void requireYears(@Nullable Integer fromYear, @Nullable Integer toYear) {
		if (fromYear != null && toYear != null && fromYear > toYear) {
			throw new InvalidArgumentException("toYear",
					"must not be before 'fromYear' (" + fromYear + "), was " + toYear);
		}
	}

	/**
	 * A bounded number (page sizes, depths, limits), or its default when the client left
	 * it out.
	 * @param argument the argument's name
	 * @param value what the client sent, or {@code null}
	 * @param fallback the default
	 * @param min the least allowed
	 * @param max the most allowed
	 * @return the value to use
	 * @throws InvalidArgumentException naming the argument when the value is out of range
	 */
	public static int requireBetween(String argument, @Nullable Integer value, int fallback, int min, int max) {
		int v = (value != null) ? value : fallback;
		if (v < min || v > max) {
			throw new InvalidArgumentException(argument, "must be between " + min + " and " + max + ", was " + v);
		}
		return v;
	}

	/**
	 * @return the argument's name
	 */
	public String getArgument() {
		return this.argument;
	}

}
