package org.policygraph.ingest.read;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates of publication as the day in Vietnam: a timestamp with an offset or zone
 * ({@code 2021-03-14T17:45:00Z}) is converted to Asia/Ho_Chi_Minh first
 * ({@code 2021-03-15}); a date or a local date-time is taken as written;
 * {@code dd/MM/yyyy} and {@code dd-MM-yyyy} (as Vietnamese pages print them, with or
 * without a time) are read day first.
 */
final class PublicationDates {

	/** The zone of the sources. */
	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final Pattern DAY_FIRST = Pattern
		.compile("(?<![\\d/.-])(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})\\s*[/.-]\\s*((?:19|20)\\d{2})(?![\\d/.-])");

	private PublicationDates() {
	}

	/**
	 * The Vietnamese day of a machine-readable date or timestamp, or {@code null} when it
	 * is none.
	 */
	static LocalDate parse(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String s = value.strip();
		try {
			return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
				.atZoneSameInstant(VIETNAM)
				.toLocalDate();
		}
		catch (DateTimeParseException ex) {
			// try the next form
		}
		try {
			return ZonedDateTime.parse(s, DateTimeFormatter.ISO_ZONED_DATE_TIME)
				.withZoneSameInstant(VIETNAM)
				.toLocalDate();
		}
		catch (DateTimeParseException ex) {
			// try the next form
		}
		try {
			return LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toLocalDate();
		}
		catch (DateTimeParseException ex) {
			// try the next form
		}
		String compactOffset = s.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2");
		if (!compactOffset.equals(s)) {
			return parse(compactOffset);
		}
		return ArticleValidator.parseDate(s);
	}

	/**
	 * The first day-first date ({@code 18/04/2023}, {@code 15-3-2021}) printed in
	 * {@code text}, or {@code null}.
	 */
	static LocalDate printed(String text) {
		if (text == null) {
			return null;
		}
		Matcher m = DAY_FIRST.matcher(text);
		while (m.find()) {
			try {
				return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
						Integer.parseInt(m.group(1)));
			}
			catch (java.time.DateTimeException ex) {
				// not a date (31/02/2020): look further
			}
		}
		return null;
	}

}
