package org.policygraph.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Total extraction time over every labelled tuning set (a main, not a test): warms up (5
 * s, or the seconds given after the number of passes), then extracts all the articles of
 * the sets once per pass and prints the thread CPU time of each pass and the median.
 * Compare builds by running it alternately on each build's classes; the machine may be
 * shared, so compare medians of several runs.
 *
 * <pre>
 * ./mvnw -o -q test-compile
 * java -cp target/classes:target/test-classes:$(./mvnw -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *     org.policygraph.extraction.ExtractionSetTiming [passes [warm-up seconds]]
 * </pre>
 */
public final class ExtractionSetTiming {

	private static final List<String> SETS = List.of("evaluation.json", "evaluation-holdout.json",
			"evaluation-holdout-2.json", "evaluation-holdout-3.json", "evaluation-tuning-a.json",
			"evaluation-tuning-b.json", "evaluation-tuning-c.json", "evaluation-tuning-d.json",
			"evaluation-tuning-e.json", "evaluation-tuning-f.json", "evaluation-tuning-g.json",
			"evaluation-tuning-h.json");

	private ExtractionSetTiming() {
	}

	public static void main(String[] args) throws IOException {
		int passes = (args.length > 0) ? Integer.parseInt(args[0]) : 9;
		long warmUpNanos = ((args.length > 1) ? Long.parseLong(args[1]) : 5) * 1_000_000_000L;
		List<ArticleInput> articles = articles();
		Extractor extractor = Extractor.createDefault();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long until = System.nanoTime() + warmUpNanos;
		int sink = 0;
		while (System.nanoTime() < until) {
			for (ArticleInput a : articles) {
				sink += extractor.extract(a).relations().size();
			}
		}
		long[] nanos = new long[passes];
		for (int pass = 0; pass < passes; pass++) {
			long started = threads.getCurrentThreadCpuTime();
			for (ArticleInput a : articles) {
				sink += extractor.extract(a).relations().size();
			}
			nanos[pass] = threads.getCurrentThreadCpuTime() - started;
		}
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		StringBuilder each = new StringBuilder();
		for (long n : nanos) {
			each.append(String.format(Locale.ROOT, " %.1f", n / 1e6));
		}
		System.out.println(String.format(Locale.ROOT,
				"%d articles; thread CPU ms per pass:%s; median %.1f ms (%.0f µs per article), best %.1f ms; checksum %d",
				articles.size(), each, sorted[passes / 2] / 1e6, sorted[passes / 2] / 1e3 / articles.size(),
				sorted[0] / 1e6, sink));
	}

	private static List<ArticleInput> articles() throws IOException {
		List<ArticleInput> out = new ArrayList<>();
		for (String set : SETS) {
			try (InputStream in = ExtractionSetTiming.class.getResourceAsStream("/extraction/" + set)) {
				if (in == null) {
					continue;
				}
				for (JsonNode a : JsonMapper.builder().build().readTree(in)) {
					out.add(new ArticleInput(a.get("title").asString(), a.get("text").asString(), null,
							LocalDate.parse(a.get("publishedAt").asString()), "timing"));
				}
			}
		}
		return out;
	}

}
