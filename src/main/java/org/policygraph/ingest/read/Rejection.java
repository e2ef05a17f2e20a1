package org.policygraph.ingest.read;

/**
 * A record (or a whole file) that could not be turned into an article.
 *
 * @param location where the record is, in the same notation as
 * {@link RawArticle#location()}; for a problem with a whole file it is the source name
 * itself
 * @param reason a human sentence saying what is wrong, for example {@code missing title}
 * or {@code invalid UTF-8 at byte 1234}
 */
public record Rejection(String location, String reason) {

	public Rejection {
		if (location == null || location.isBlank()) {
			throw new IllegalArgumentException("location must not be blank");
		}
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("reason must not be blank");
		}
	}

	@Override
	public String toString() {
		return location + ": " + reason;
	}

}
