package org.policygraph.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Single-thread throughput of {@link Extractor} (a main, not a test). Builds articles of
 * about 1–2 KB by joining the texts of the evaluation set, warms up for 6 s of thread CPU
 * time, then measures for 8 s of thread CPU time; it prints wall-clock and thread-CPU
 * throughput (the machine may be shared, so the CPU figure is the one-core rate).
 *
 * <pre>
 * ./mvnw -o -q test-compile
 * java -cp target/classes:target/test-classes:$(./mvnw -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *     org.policygraph.extraction.ExtractorBenchmark
 * </pre>
 */
public final class ExtractorBenchmark {

	/** Warm-up and measurement are bounded by the CPU time of the benchmark thread. */
	private static final long WARM_UP_CPU_NANOS = 6_000_000_000L;

	private static final long MEASURE_CPU_NANOS = 8_000_000_000L;

	private ExtractorBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		List<ArticleInput> articles = articles();
		Extractor extractor = Extractor.createDefault();
		long bytes = 0;
		for (ArticleInput a : articles) {
			bytes += a.title().length() + a.text().length();
		}
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		run(extractor, articles, threads, WARM_UP_CPU_NANOS);
		long start = System.nanoTime();
		long cpuStart = threads.getCurrentThreadCpuTime();
		long count = run(extractor, articles, threads, MEASURE_CPU_NANOS);
		double seconds = (System.nanoTime() - start) / 1e9;
		double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
		double averageChars = (double) bytes / articles.size();
		System.out.println(
				"| articles | avg chars | wall s | CPU s | articles/s (wall) | articles/s (thread CPU) | chars/s (CPU) |");
		System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
		System.out.println(String.format(Locale.ROOT, "| %d | %.0f | %.1f | %.1f | %.0f | %.0f | %.2fM |", count,
				averageChars, seconds, cpuSeconds, count / seconds, count / cpuSeconds,
				count / cpuSeconds * averageChars / 1e6));
	}

	private static long run(Extractor extractor, List<ArticleInput> articles, ThreadMXBean threads, long cpuNanos) {
		long end = threads.getCurrentThreadCpuTime() + cpuNanos;
		long count = 0;
		int sink = 0;
		while (threads.getCurrentThreadCpuTime() < end) {
			for (ArticleInput a : articles) {
				sink += extractor.extract(a).relations().size();
				count++;
			}
		}
		if (sink == 42) {
			System.out.println();
		}
		return count;
	}

	private static List<ArticleInput> articles() throws IOException {
		JsonNode root;
		try (InputStream in = ExtractorBenchmark.class.getResourceAsStream("/extraction/evaluation.json")) {
			root = JsonMapper.builder().build().readTree(in);
		}
		List<JsonNode> items = new ArrayList<>();
		root.forEach(items::add);
		List<ArticleInput> articles = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			StringBuilder text = new StringBuilder();
			int j = i;
			while (text.length() < 1200) {
				JsonNode item = items.get(j % items.size());
				text.append(item.get("text").asString()).append('\n');
				j++;
			}
			JsonNode first = items.get(i);
			articles.add(new ArticleInput(first.get("title").asString(), text.toString(), null,
					LocalDate.parse(first.get("publishedAt").asString()), "benchmark"));
		}
		return articles;
	}

}
