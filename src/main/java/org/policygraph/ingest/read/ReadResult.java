package org.policygraph.ingest.read;

/**
 * The outcome for one record: exactly one of {@link #article()} and {@link #rejection()}
 * is non-null.
 *
 * <p>
 * A plain record was chosen over a sealed hierarchy so that callers can collect, count
 * and assert on results without pattern matching; use {@link #ok()} to tell the two cases
 * apart.
 *
 * @param article the accepted article, or {@code null} when rejected
 * @param rejection why the record was rejected, or {@code null} when accepted
 */
public record ReadResult(RawArticle article, Rejection rejection) {

	public ReadResult {
		if ((article == null) == (rejection == null)) {
			throw new IllegalArgumentException("exactly one of article and rejection must be set");
		}
	}

	/** An accepted article. */
	public static ReadResult ok(RawArticle article) {
		return new ReadResult(article, null);
	}

	/** A rejected record. */
	public static ReadResult rejected(Rejection rejection) {
		return new ReadResult(null, rejection);
	}

	/** A rejected record at {@code location} for {@code reason}. */
	public static ReadResult rejected(String location, String reason) {
		return rejected(new Rejection(location, reason));
	}

	/** Whether this result carries an accepted article. */
	public boolean ok() {
		return article != null;
	}

	/** The location of the article or of the rejection. */
	public String location() {
		return ok() ? article.location() : rejection.location();
	}

}
