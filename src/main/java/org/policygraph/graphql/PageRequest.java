package org.policygraph.graphql;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * A validated {@code first}/{@code after} pair.
 *
 * @param first the page size, 1 to {@value #MAX_PAGE_SIZE}
 * @param after the decoded cursor, or {@code null} for the first page
 */
public record PageRequest(int first, @Nullable Cursor after) {

	/** The largest page a client may ask for. */
	public static final int MAX_PAGE_SIZE = 100;

	/**
	 * Validates the arguments of a connection field.
	 * @param first the requested page size (default 20)
	 * @param after the cursor string or {@code null}
	 * @param cursorParts how many parts this list's cursors have
	 * @return the request
	 * @throws InvalidArgumentException on a page size out of range or a foreign cursor
	 */
	public static PageRequest of(@Nullable Integer first, @Nullable String after, int cursorParts) {
		int size = InvalidArgumentException.requireBetween("first", first, 20, 1, MAX_PAGE_SIZE);
		return new PageRequest(size, (after == null || after.isEmpty()) ? null : Cursor.decode(after, cursorParts));
	}

	/**
	 * @param index the part
	 * @return a part of the cursor, or {@code null} on the first page
	 */
	public @Nullable String afterPart(int index) {
		return (this.after != null) ? this.after.parts().get(index) : null;
	}

	/**
	 * @param index the part
	 * @return a part of the cursor as a date, or {@code null} on the first page
	 * @throws InvalidArgumentException when the part is not a date: the cursor is one of
	 * another list
	 */
	public @Nullable LocalDate afterDate(int index) {
		String part = afterPart(index);
		try {
			return (part != null) ? LocalDate.parse(part) : null;
		}
		catch (DateTimeParseException ex) {
			throw foreignCursor();
		}
	}

	/**
	 * @param index the part
	 * @return a part of the cursor as an integer, or {@code null} on the first page
	 * @throws InvalidArgumentException when the part is not an integer: the cursor is one
	 * of another list
	 */
	public @Nullable Integer afterInteger(int index) {
		String part = afterPart(index);
		try {
			return (part != null) ? Integer.valueOf(part) : null;
		}
		catch (NumberFormatException ex) {
			throw foreignCursor();
		}
	}

	private InvalidArgumentException foreignCursor() {
		return new InvalidArgumentException("after",
				"'" + ((this.after != null) ? this.after.encode() : "") + "' is a cursor of another list");
	}

}
