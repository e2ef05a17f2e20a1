package org.policygraph.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The query benchmark client: measures each {@link Operations operation} over HTTP
 * (GraphQL) and its hand-written Cypher floor over Bolt, at 1 and 32 concurrent clients,
 * against a running server; checks once that both give the same answer; prints a markdown
 * table and writes JSON. Runs in its own JVM; {@code bench/query-benchmark.sh} starts the
 * server and this program.
 *
 * <p>
 * Arguments: {@code --graphql=http://127.0.0.1:PORT/graphql --bolt=bolt://127.0.0.1:PORT
 * --data=DIR --articles=N --out=FILE.json} (the data directory holds the database's
 * password) and optionally {@code --server-pid=PID} (memory figures),
 * {@code --clients=1,32 --global-warmup=60 --warmup=3 --duration=10} (seconds)
 * {@code --seed=42 --only=a,b}.
 */
public final class QueryBenchmark {

	/** The goal: every operation's GraphQL p50 at most this times the Cypher p50. */
	static final double RATIO_GOAL = 1.3;

	/**
	 * The goal: dashboard p99 at most this many milliseconds (100,000 articles, 32
	 * clients).
	 */
	static final double DASHBOARD_P99_GOAL_MS = 50;

	/**
	 * A measurement goes on past its duration until it has this many samples (or two per
	 * client)...
	 */
	static final int MIN_SAMPLES = 10;

	/** ... but not past this long. */
	static final long MAX_EXTENSION_MILLIS = 90_000;

	/** The goal: heap at most this many MiB. */
	static final double HEAP_GOAL_MIB = 1024;

	private QueryBenchmark() {
	}

	public static void main(String[] argv) throws Exception {
		Map<String, String> args = BenchSupport.arguments(argv);
		URI graphQlUri = URI.create(BenchSupport.required(args, "graphql"));
		URI boltUri = URI.create(BenchSupport.required(args, "bolt"));
		Path dataDirectory = Path.of(BenchSupport.required(args, "data"));
		long articles = Long.parseLong(args.getOrDefault("articles", "0"));
		long pid = Long.parseLong(args.getOrDefault("server-pid", "0"));
		Path out = Path.of(args.getOrDefault("out", "target/bench/query.json"));
		int[] clientCounts = Arrays.stream(args.getOrDefault("clients", "1,32").split(","))
			.mapToInt(Integer::parseInt)
			.toArray();
		long warmupMillis = (long) (Double.parseDouble(args.getOrDefault("warmup", "3")) * 1000);
		long globalWarmupMillis = (long) (Double.parseDouble(args.getOrDefault("global-warmup", "60")) * 1000);
		long durationMillis = (long) (Double.parseDouble(args.getOrDefault("duration", "10")) * 1000);
		long seed = Long.parseLong(args.getOrDefault("seed", "42"));
		List<String> only = args.containsKey("only") ? List.of(args.get("only").split(",")) : List.of();

		Map<String, Object> report = new LinkedHashMap<>();
		report.put("benchmark", "query");
		report.put("startedAt", Instant.now().toString());
		report.put("articles", articles);
		report.put("machine", BenchSupport.machine());
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("clients", clientCounts);
		settings.put("warmupSeconds", warmupMillis / 1000.0);
		settings.put("globalWarmupSeconds", globalWarmupMillis / 1000.0);
		settings.put("durationSeconds", durationMillis / 1000.0);
		settings.put("seed", seed);
		settings.put("serverJvm", args.getOrDefault("server-jvm", ""));
		report.put("settings", settings);

		GraphQlClient graphQl = new GraphQlClient(graphQlUri, null, null);
		try (CypherClient cypher = new CypherClient(boltUri, dataDirectory); ServerProbe probe = new ServerProbe(pid)) {
			Operations.Choices choices = Operations.Choices.lookUp(cypher);
			report.put("parameters", choices.asMap());
			List<Operation> operations = Operations.all(choices)
				.stream()
				.filter(op -> only.isEmpty() || only.contains(op.name()))
				.toList();
			// A fresh server compiles its hot paths (and the database plans and compiles
			// its
			// queries) during the first minute or so: every operation runs on both sides
			// first,
			// so that no operation's GraphQL figures include compilation its floor then
			// benefits from.
			if (globalWarmupMillis > 0) {
				long perSide = globalWarmupMillis / Math.max(1, operations.size()) / 2;
				Random random = new Random(seed);
				for (Operation op : operations) {
					warmUp(perSide, () -> op.viaGraphQl().apply(graphQl, op.parameters().apply(random)));
					warmUp(perSide, () -> op.viaCypher().apply(cypher, op.parameters().apply(random)));
				}
				System.out.printf("warm-up: %d s over %d operations%n", globalWarmupMillis / 1000, operations.size());
			}
			if (pid > 0) {
				probe.startSampling();
			}
			List<Map<String, Object>> results = new ArrayList<>();
			for (Operation op : operations) {
				Map<String, Object> check = check(op, graphQl, cypher, seed);
				System.out.printf("%-22s answers: %s%n", op.name(), check.get("verdict"));
				if ("DIFFERENT".equals(check.get("verdict")) || "error".equals(check.get("verdict"))) {
					System.out.println("!!! MISMATCH " + op.name() + ": " + check.get("difference"));
				}
				else if (check.get("difference") != null) {
					System.out.println("    (order only) " + check.get("difference"));
				}
				Map<String, Object> result = new LinkedHashMap<>();
				result.put("name", op.name());
				result.put("kind", op.kind());
				result.put("description", op.description());
				result.put("dashboard", op.dashboard());
				result.put("answers", check);
				List<Map<String, Object>> runs = new ArrayList<>();
				for (int clients : clientCounts) {
					Measurement g = measure(clients, warmupMillis, durationMillis, seed, op.parameters(),
							p -> op.viaGraphQl().apply(graphQl, p));
					Measurement c = measure(clients, warmupMillis, durationMillis, seed, op.parameters(),
							p -> op.viaCypher().apply(cypher, p));
					Map<String, Object> run = new LinkedHashMap<>();
					run.put("clients", clients);
					run.put("graphql", g.summary());
					run.put("cypher", c.summary());
					double ratio = (c.latencies.percentileMillis(50) > 0)
							? g.latencies.percentileMillis(50) / c.latencies.percentileMillis(50) : 0;
					run.put("ratioP50", Latencies.round(ratio));
					run.put("loadAverage", BenchSupport.loadAverage());
					runs.add(run);
					System.out.printf(
							"%-22s %2d clients  GraphQL p50 %8.1f ms p99 %8.1f ms %7.1f/s | Cypher p50 %8.1f ms p99 %8.1f ms %7.1f/s | x%.2f%s%n",
							op.name(), clients, g.latencies.percentileMillis(50), g.latencies.percentileMillis(99),
							g.throughput(), c.latencies.percentileMillis(50), c.latencies.percentileMillis(99),
							c.throughput(), ratio, (g.errors.get() + c.errors.get() > 0) ? "  errors " + g.errors.get()
									+ "/" + c.errors.get() + ": " + g.firstError.get() + " " + c.firstError.get() : "");
				}
				result.put("runs", runs);
				results.add(result);
			}
			report.put("operations", results);
			if (pid > 0) {
				Map<String, Object> memory = new LinkedHashMap<>(probe.peaks());
				memory.putAll(probe.settledMemory());
				report.put("serverMemory", memory);
			}
			report.put("loadAverageAtEnd", BenchSupport.loadAverage());
			report.put("goals", goals(results, report, clientCounts));
		}
		BenchSupport.writeJson(out, report);
		String markdown = markdown(report);
		System.out.println();
		System.out.println(markdown);
		Path md = Path.of(out.toString().replaceAll("\\.json$", "") + ".md");
		Files.writeString(md, markdown);
		System.out.println("Written " + out + " and " + md);
	}

	/**
	 * Runs the operation once per side with three drawn parameter sets and compares the
	 * answers.
	 */
	static Map<String, Object> check(Operation op, GraphQlClient graphQl, CypherClient cypher, long seed) {
		Random random = new Random(seed);
		String verdict = "same";
		String difference = null;
		int checked = 0;
		for (int i = 0; i < 3; i++) {
			Map<String, Object> p = op.parameters().apply(random);
			Object expected;
			Object actual;
			try {
				expected = Answers.normalize(op.viaGraphQl().apply(graphQl, p), op.ignoredKeys());
				actual = Answers.normalize(op.viaCypher().apply(cypher, p), op.ignoredKeys());
			}
			catch (RuntimeException ex) {
				verdict = "error";
				difference = p + ": " + ex.getMessage();
				break;
			}
			checked++;
			Optional<String> unordered = Answers.difference(expected, actual, true);
			if (unordered.isPresent()) {
				verdict = "DIFFERENT";
				difference = p + ": " + unordered.get();
				break;
			}
			Optional<String> ordered = Answers.difference(expected, actual, false);
			if (ordered.isPresent()) {
				if (op.ordered()) {
					verdict = "DIFFERENT";
					difference = p + ": order: " + ordered.get();
					break;
				}
				verdict = "same content, other order";
				difference = p + ": " + ordered.get();
			}
		}
		Map<String, Object> check = new LinkedHashMap<>();
		check.put("verdict", verdict);
		check.put("parameterSetsChecked", checked);
		check.put("difference", difference);
		return check;
	}

	private static void warmUp(long millis, Runnable call) {
		long until = System.nanoTime() + millis * 1_000_000;
		while (System.nanoTime() < until) {
			try {
				call.run();
			}
			catch (RuntimeException ex) {
				// measured (and reported) later
			}
		}
	}

	/**
	 * Runs {@code call} from {@code clients} threads, each drawing parameters from its
	 * own seeded random, for a warm-up and then a measured period; every call that starts
	 * in the measured period is recorded.
	 */
	static Measurement measure(int clients, long warmupMillis, long durationMillis, long seed,
			Function<Random, Map<String, Object>> parameters, Function<Map<String, Object>, Object> call)
			throws InterruptedException {
		Measurement measurement = new Measurement();
		long start = System.nanoTime();
		long measureFrom = start + warmupMillis * 1_000_000;
		long measureUntil = measureFrom + durationMillis * 1_000_000;
		// A slow operation keeps going until it has a few samples per client, within a
		// bound.
		long hardUntil = measureFrom + Math.max(durationMillis, MAX_EXTENSION_MILLIS) * 1_000_000;
		int minSamples = Math.max(MIN_SAMPLES, 2 * clients);
		AtomicLong measured = new AtomicLong();
		AtomicLong lastEnd = new AtomicLong(measureFrom);
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		List<Future<?>> workers = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			Random random = new Random(seed * 1_000 + i);
			workers.add(pool.submit(() -> {
				Latencies mine = new Latencies();
				while (true) {
					long t0 = System.nanoTime();
					if (t0 >= hardUntil || (t0 >= measureUntil && measured.get() >= minSamples)) {
						break;
					}
					Map<String, Object> p = parameters.apply(random);
					boolean ok = true;
					try {
						call.apply(p);
					}
					catch (RuntimeException ex) {
						ok = false;
						if (t0 >= measureFrom) {
							measurement.errors.incrementAndGet();
							measurement.firstError.compareAndSet(null, ex.getMessage());
						}
					}
					long t1 = System.nanoTime();
					if (t0 >= measureFrom) {
						measured.incrementAndGet();
					}
					if (t0 >= measureFrom && ok) {
						mine.add(t1 - t0);
						lastEnd.accumulateAndGet(t1, Math::max);
					}
				}
				measurement.latencies.addAll(mine);
			}));
		}
		for (Future<?> worker : workers) {
			try {
				worker.get();
			}
			catch (java.util.concurrent.ExecutionException ex) {
				throw new IllegalStateException(ex.getCause());
			}
		}
		pool.shutdown();
		pool.awaitTermination(1, TimeUnit.MINUTES);
		measurement.seconds = Math.max(lastEnd.get() - measureFrom, 1) / 1e9;
		return measurement;
	}

	private static Map<String, Object> goals(List<Map<String, Object>> results, Map<String, Object> report,
			int[] clientCounts) {
		Map<String, Object> goals = new LinkedHashMap<>();
		List<String> ratioMissed = new ArrayList<>();
		List<String> dashboardMissed = new ArrayList<>();
		for (Map<String, Object> result : results) {
			for (Object o : (List<?>) result.get("runs")) {
				Map<?, ?> run = (Map<?, ?>) o;
				int clients = (Integer) run.get("clients");
				if (clients == clientCounts[0] && (Double) run.get("ratioP50") > RATIO_GOAL) {
					ratioMissed.add(result.get("name") + " (x" + run.get("ratioP50") + ")");
				}
				if (Boolean.TRUE.equals(result.get("dashboard")) && clients == 32) {
					double p99 = (Double) ((Map<?, ?>) run.get("graphql")).get("p99Ms");
					if (p99 > DASHBOARD_P99_GOAL_MS) {
						dashboardMissed.add(result.get("name") + " (" + p99 + " ms)");
					}
				}
			}
		}
		goals.put("ratioAtMost1.3", ratioMissed.isEmpty() ? "met" : "missed: " + String.join(", ", ratioMissed));
		goals.put("dashboardP99AtMost50msWith32Clients",
				dashboardMissed.isEmpty() ? "met" : "missed: " + String.join(", ", dashboardMissed));
		Object memory = report.get("serverMemory");
		if (memory instanceof Map<?, ?> m) {
			double peak = (Double) m.get("peakHeapUsedMiB");
			goals.put("heapAtMost1GiB",
					(peak <= HEAP_GOAL_MIB ? "met" : "missed") + " (peak heap used " + peak + " MiB)");
		}
		return goals;
	}

	@SuppressWarnings("unchecked")
	static String markdown(Map<String, Object> report) {
		StringBuilder md = new StringBuilder();
		md.append(String.format("Query benchmark, %,d articles, load average %s → %s%n%n",
				(Long) report.get("articles"), ((Map<String, Object>) report.get("machine")).get("loadAverageAtStart"),
				report.get("loadAverageAtEnd")));
		md.append(
				"| operation | kind | clients | GraphQL p50 | p95 | p99 | ops/s | Cypher p50 | p95 | p99 | ops/s | GraphQL / Cypher p50 | answers |\n");
		md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
		for (Map<String, Object> result : (List<Map<String, Object>>) report.get("operations")) {
			for (Map<String, Object> run : (List<Map<String, Object>>) result.get("runs")) {
				Map<String, Object> g = (Map<String, Object>) run.get("graphql");
				Map<String, Object> c = (Map<String, Object>) run.get("cypher");
				double ratio = (Double) run.get("ratioP50");
				md.append(String.format("| %s | %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s%.2f%s | %s |%n",
						result.get("name"), result.get("kind"), (Integer) run.get("clients"), ms(g.get("p50Ms")),
						ms(g.get("p95Ms")), ms(g.get("p99Ms")), BenchSupport.fmt((Double) g.get("opsPerSecond")),
						ms(c.get("p50Ms")), ms(c.get("p95Ms")), ms(c.get("p99Ms")),
						BenchSupport.fmt((Double) c.get("opsPerSecond")), ratio > RATIO_GOAL ? "**" : "", ratio,
						ratio > RATIO_GOAL ? "**" : "",
						((Map<String, Object>) result.get("answers")).get("verdict") + errors(g, c)));
			}
		}
		md.append("\nLatencies in ms; ratios above ").append(RATIO_GOAL).append(" in bold.\n");
		Object memory = report.get("serverMemory");
		if (memory != null) {
			md.append("\nServer memory: ").append(memory).append('\n');
		}
		md.append("\nGoals: ").append(report.get("goals")).append('\n');
		return md.toString();
	}

	private static String errors(Map<String, Object> g, Map<String, Object> c) {
		long errors = ((Number) g.get("errors")).longValue() + ((Number) c.get("errors")).longValue();
		return (errors > 0) ? ", " + errors + " errors" : "";
	}

	private static String ms(Object value) {
		return BenchSupport.fmt((Double) value);
	}

	/** The samples, errors and elapsed time of one measured period. */
	static final class Measurement {

		final Latencies latencies = new Latencies();

		final AtomicLong errors = new AtomicLong();

		final AtomicReference<String> firstError = new AtomicReference<>();

		double seconds;

		double throughput() {
			return this.latencies.count() / this.seconds;
		}

		Map<String, Object> summary() {
			Map<String, Object> summary = this.latencies.summary();
			summary.put("opsPerSecond", Latencies.round(throughput()));
			summary.put("errors", this.errors.get());
			summary.put("firstError", this.firstError.get());
			return summary;
		}

	}

}
