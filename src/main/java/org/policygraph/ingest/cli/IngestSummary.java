package org.policygraph.ingest.cli;

import org.policygraph.ingest.ArticleOutcome;
import org.policygraph.ingest.IngestReport;
import java.util.Locale;

/**
 * The summary printed at the end of an ingest run.
 */
final class IngestSummary {

	private IngestSummary() {
	}

	static String format(IngestReport r, boolean dryRun) {
		StringBuilder out = new StringBuilder();
		double seconds = r.elapsed().toMillis() / 1000.0;
		out.append(String.format(Locale.ROOT, "%s %,d records in %.1f s (%,.0f articles/s)%n",
				dryRun ? "Checked" : "Ingested", r.records(), seconds, r.articlesPerSecond()));
		if (dryRun) {
			out.append(String.format(Locale.ROOT, "  articles extracted   %,d (nothing written: dry run)%n",
					r.checkedArticles()));
		}
		else {
			out.append(String.format(Locale.ROOT, "  articles new         %,d%n", r.newArticles()));
			out.append(String.format(Locale.ROOT, "  articles changed     %,d%n", r.changedArticles()));
			out.append(String.format(Locale.ROOT, "  articles unchanged   %,d%n", r.unchangedArticles()));
			if (r.duplicateArticles() > 0) {
				out.append(String.format(Locale.ROOT, "  duplicates in input  %,d%n", r.duplicateArticles()));
			}
		}
		out.append(String.format(Locale.ROOT, "  rejected             %,d%n", r.rejected()));
		if (r.failed() > 0) {
			out.append(String.format(Locale.ROOT, "  failed               %,d%n", r.failed()));
		}
		if (!dryRun) {
			out.append(String.format(Locale.ROOT, "  nodes          +%,d  -%,d%n", r.nodesCreated(), r.nodesDeleted()));
			out.append(String.format(Locale.ROOT, "  relationships  +%,d  -%,d%n", r.relationshipsCreated(),
					r.relationshipsDeleted()));
		}
		for (ArticleOutcome problem : r.problems()) {
			out.append(String.format(Locale.ROOT, "  %s %s: %s%n",
					problem.status() == ArticleOutcome.Status.REJECTED ? "rejected" : "failed", problem.location(),
					problem.reason()));
		}
		long unlisted = r.rejected() + r.failed() - r.problems().size();
		if (unlisted > 0) {
			out.append(String.format(Locale.ROOT, "  … and %,d more%n", unlisted));
		}
		if (r.failure() != null) {
			out.append("Stopped: ").append(r.failure()).append(System.lineSeparator());
		}
		return out.toString();
	}

}
