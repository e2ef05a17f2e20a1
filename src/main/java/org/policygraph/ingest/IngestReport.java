package org.policygraph.ingest;

import java.time.Duration;
import java.util.List;

/**
 * The summary of one ingest run.
 *
 * @param newArticles articles written for the first time
 * @param changedArticles known articles replaced because they had changed
 * @param unchangedArticles known articles left as they were
 * @param duplicateArticles articles that occurred twice in one batch
 * @param checkedArticles articles extracted by a dry run
 * @param rejected records rejected with a reason
 * @param failed records whose batch could not be written
 * @param notProcessed records left alone because the run's time was up (send them again)
 * @param nodesCreated nodes created
 * @param nodesDeleted nodes deleted
 * @param relationshipsCreated relationships created
 * @param relationshipsDeleted relationships deleted
 * @param elapsed the wall-clock time
 * @param problems the first rejected or failed records, with their reasons
 * @param failure why the run stopped early, or {@code null}
 */
public record IngestReport(long newArticles, long changedArticles, long unchangedArticles, long duplicateArticles,
		long checkedArticles, long rejected, long failed, long notProcessed, long nodesCreated, long nodesDeleted,
		long relationshipsCreated, long relationshipsDeleted, Duration elapsed, List<ArticleOutcome> problems,
		String failure) {

	/**
	 * @return every record read, accepted or not
	 */
	public long records() {
		return this.newArticles + this.changedArticles + this.unchangedArticles + this.duplicateArticles
				+ this.checkedArticles + this.rejected + this.failed + this.notProcessed;
	}

	/**
	 * @return whether every record went in (nothing rejected, nothing failed)
	 */
	public boolean clean() {
		return this.rejected == 0 && this.failed == 0 && this.notProcessed == 0 && this.failure == null;
	}

	/**
	 * @return accepted records per second
	 */
	public double articlesPerSecond() {
		double seconds = Math.max(this.elapsed.toNanos() / 1e9, 1e-9);
		return (this.newArticles + this.changedArticles + this.unchangedArticles + this.duplicateArticles
				+ this.checkedArticles) / seconds;
	}

}
