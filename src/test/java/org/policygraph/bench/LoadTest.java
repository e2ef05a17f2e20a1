package org.policygraph.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.policygraph.corpus.CorpusGenerator;
import org.policygraph.corpus.GeneratedArticle;

/**
 * The load test client: many concurrent clients (platform threads, one keep-alive
 * connection each, each a user of its own: an address in {@code X-Forwarded-For}, as
 * behind a reverse proxy, for the server's per-client limits) send a weighted mix of the
 * benchmark's read operations for a fixed time while one more client ingests a few new
 * articles at a steady trickle (editor credentials, URLs under a prefix of this run).
 * Counts errors (a status other than 200, a GraphQL error, an ingest result that is not
 * NEW), latencies per operation, requests per second, and the server's heap after a full
 * collection and RSS before and after. Runs in its own JVM against a running server;
 * {@code bench/load-test.sh} starts both.
 *
 * <p>
 * Arguments: {@code --graphql=URL --bolt=URI --data=DIR} (parameter look-up only, with
 * the password kept in the server's data directory), optionally
 * {@code --server-pid=PID --clients=200 --duration=60 --ingest-interval=2 --ingest-batch=5
 * --settle=40 --seed=42 --out=FILE.json} (settle: seconds between the end of the load and
 * the memory figures after it); the editor's password from {@code BENCH_EDITOR_PASSWORD}.
 */
public final class LoadTest {

	/** The read mix: operation name and weight. */
	static final Map<String, Integer> MIX = mix();

	/** Where the articles this test ingests live. */
	static final String URL_PREFIX = "https://load-test.policygraph.invalid/";

	private static final String INGEST = """
			mutation Ingest($input: IngestArticlesInput!) {
			  ingestArticles(input: $input) {
			    newCount changedCount unchangedCount rejectedCount failedCount
			    results { index status reason }
			  }
			}""";

	private LoadTest() {
	}

	private static Map<String, Integer> mix() {
		Map<String, Integer> mix = new LinkedHashMap<>();
		mix.put("dashboardCoverage", 20);
		mix.put("provinceImplements", 20);
		mix.put("search", 20);
		mix.put("documentImplementedBy", 15);
		mix.put("articleWalk", 10);
		mix.put("dashboardLists", 5);
		mix.put("countsByProvince", 5);
		mix.put("deepArticles", 5);
		return mix;
	}

	public static void main(String[] argv) throws Exception {
		Map<String, String> args = BenchSupport.arguments(argv);
		URI graphQlUri = URI.create(BenchSupport.required(args, "graphql"));
		URI boltUri = URI.create(BenchSupport.required(args, "bolt"));
		Path dataDirectory = Path.of(BenchSupport.required(args, "data"));
		long pid = Long.parseLong(args.getOrDefault("server-pid", "0"));
		int clients = Integer.parseInt(args.getOrDefault("clients", "200"));
		long durationMillis = (long) (Double.parseDouble(args.getOrDefault("duration", "60")) * 1000);
		long ingestIntervalMillis = (long) (Double.parseDouble(args.getOrDefault("ingest-interval", "2")) * 1000);
		int ingestBatch = Integer.parseInt(args.getOrDefault("ingest-batch", "5"));
		long settleMillis = (long) (Double.parseDouble(args.getOrDefault("settle", "40")) * 1000);
		long seed = Long.parseLong(args.getOrDefault("seed", "42"));
		long articles = Long.parseLong(args.getOrDefault("articles", "0"));
		Path out = Path.of(args.getOrDefault("out", "target/bench/load.json"));
		String password = System.getenv("BENCH_EDITOR_PASSWORD");
		if (password == null || password.isBlank()) {
			throw new IllegalArgumentException("BENCH_EDITOR_PASSWORD is not set");
		}

		Map<String, Object> report = new LinkedHashMap<>();
		report.put("benchmark", "load");
		report.put("startedAt", Instant.now().toString());
		report.put("articles", articles);
		report.put("machine", BenchSupport.machine());
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("clients", clients);
		settings.put("durationSeconds", durationMillis / 1000.0);
		settings.put("mix", MIX);
		settings.put("ingestEverySeconds", ingestIntervalMillis / 1000.0);
		settings.put("articlesPerIngest", ingestBatch);
		settings.put("urlPrefix", URL_PREFIX);
		settings.put("settleSeconds", settleMillis / 1000.0);
		settings.put("serverJvm", args.getOrDefault("server-jvm", ""));
		report.put("settings", settings);

		GraphQlClient reader = new GraphQlClient(graphQlUri, null, null);
		GraphQlClient editor = new GraphQlClient(graphQlUri, "editor", password);
		List<Operation> operations;
		try (CypherClient cypher = new CypherClient(boltUri, dataDirectory)) {
			operations = Operations.all(Operations.Choices.lookUp(cypher))
				.stream()
				.filter(op -> MIX.containsKey(op.name()))
				.toList();
		}
		int[] cumulative = new int[operations.size()];
		int total = 0;
		for (int i = 0; i < operations.size(); i++) {
			total += MIX.get(operations.get(i).name());
			cumulative[i] = total;
		}

		// Every operation once, so that "before" is a warmed-up server (query plans, JIT,
		// caches).
		Random warmup = new Random(seed);
		for (Operation op : operations) {
			try {
				op.viaGraphQl().apply(reader, op.parameters().apply(warmup));
			}
			catch (RuntimeException ex) {
				System.out.println("warm-up " + op.name() + ": " + ex.getMessage());
			}
		}
		try (ServerProbe probe = new ServerProbe(pid)) {
			if (pid > 0) {
				report.put("memoryBefore", probe.settledMemory());
				probe.startSampling();
			}
			Map<String, Latencies> latencies = new ConcurrentHashMap<>();
			Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
			Map<String, String> firstErrors = new ConcurrentHashMap<>();
			AtomicLong requests = new AtomicLong();
			Latencies all = new Latencies();
			long start = System.nanoTime();
			long until = start + durationMillis * 1_000_000;
			CountDownLatch done = new CountDownLatch(clients + 1);
			List<Thread> threads = new ArrayList<>();
			int weightTotal = total;
			for (int c = 0; c < clients; c++) {
				Random random = new Random(seed * 1_000 + c);
				// Each its own user behind a reverse proxy, for the per-client limits.
				GraphQlClient user = reader.forwardedFor("10.0." + (c / 250) + "." + (c % 250 + 1));
				threads.add(new Thread(() -> {
					try {
						while (System.nanoTime() < until) {
							int pick = random.nextInt(weightTotal);
							int i = 0;
							while (cumulative[i] <= pick) {
								i++;
							}
							Operation op = operations.get(i);
							Map<String, Object> p = op.parameters().apply(random);
							long t0 = System.nanoTime();
							try {
								op.viaGraphQl().apply(user, p);
								long nanos = System.nanoTime() - t0;
								latencies.computeIfAbsent(op.name(), k -> new Latencies()).add(nanos);
								all.add(nanos);
							}
							catch (RuntimeException ex) {
								errors.computeIfAbsent(op.name(), k -> new AtomicLong()).incrementAndGet();
								firstErrors.putIfAbsent(op.name(), String.valueOf(ex.getMessage()));
							}
							requests.addAndGet(op.name().equals("articleWalk") ? Operations.WALK_PAGES : 1);
						}
					}
					finally {
						done.countDown();
					}
				}, "load-" + c));
			}
			AtomicLong ingested = new AtomicLong();
			AtomicReference<String> ingestError = new AtomicReference<>();
			String runId = Long.toString(System.currentTimeMillis(), 36);
			threads.add(new Thread(() -> {
				Iterator<GeneratedArticle> source = CorpusGenerator.create(seed + 1)
					.articles(Long.MAX_VALUE)
					.iterator();
				long n = 0;
				try {
					long next = System.nanoTime();
					while (System.nanoTime() < until) {
						List<Map<String, Object>> batch = new ArrayList<>();
						for (int i = 0; i < ingestBatch; i++) {
							GeneratedArticle a = source.next();
							Map<String, Object> input = new LinkedHashMap<>();
							input.put("url", URL_PREFIX + runId + "/" + (n++));
							input.put("title", a.title());
							input.put("text", a.text());
							input.put("publishedAt", a.publishedAt().toString());
							input.put("source", a.source());
							input.put("category", a.category());
							batch.add(input);
						}
						long t0 = System.nanoTime();
						try {
							Map<String, Object> data = editor.execute(INGEST,
									Map.of("input", Map.of("articles", batch)));
							Map<?, ?> payload = (Map<?, ?>) data.get("ingestArticles");
							long added = ((Number) payload.get("newCount")).longValue();
							if (added != batch.size()) {
								throw new GraphQlClient.BenchException("ingest wrote " + added + " of " + batch.size()
										+ " new articles: " + payload.get("results"));
							}
							ingested.addAndGet(added);
							long nanos = System.nanoTime() - t0;
							latencies.computeIfAbsent("ingestArticles", k -> new Latencies()).add(nanos);
						}
						catch (RuntimeException ex) {
							errors.computeIfAbsent("ingestArticles", k -> new AtomicLong()).incrementAndGet();
							ingestError.compareAndSet(null, ex.getMessage());
							firstErrors.putIfAbsent("ingestArticles", String.valueOf(ex.getMessage()));
						}
						requests.incrementAndGet();
						next += ingestIntervalMillis * 1_000_000;
						long sleep = (next - System.nanoTime()) / 1_000_000;
						if (sleep > 0) {
							Thread.sleep(sleep);
						}
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				finally {
					done.countDown();
				}
			}, "ingest"));
			System.out.printf("%d clients for %d s against %s ...%n", clients, durationMillis / 1000, graphQlUri);
			threads.forEach(Thread::start);
			done.await();
			double seconds = (System.nanoTime() - start) / 1e9;

			long errorCount = errors.values().stream().mapToLong(AtomicLong::get).sum();
			Map<String, Object> totals = new LinkedHashMap<>();
			totals.put("seconds", Latencies.round(seconds));
			totals.put("operations", all.count() + errorCount);
			totals.put("operationsPerSecond", Latencies.round((all.count() + errorCount) / seconds));
			totals.put("httpRequests", requests.get());
			totals.put("httpRequestsPerSecond", Latencies.round(requests.get() / seconds));
			totals.put("errors", errorCount);
			totals.put("articlesIngested", ingested.get());
			totals.put("readLatency", all.summary());
			report.put("totals", totals);
			Map<String, Object> perOperation = new LinkedHashMap<>();
			List<String> names = new ArrayList<>(MIX.keySet());
			names.add("ingestArticles");
			for (String name : names) {
				Latencies l = latencies.getOrDefault(name, new Latencies());
				Map<String, Object> row = l.summary();
				row.put("errors", errors.getOrDefault(name, new AtomicLong()).get());
				row.put("firstError", firstErrors.get(name));
				perOperation.put(name, row);
			}
			report.put("perOperation", perOperation);
			report.put("loadAverageAtEnd", BenchSupport.loadAverage());
			if (pid > 0) {
				report.put("peaksDuringLoad", probe.peaks());
				// Requests the clients gave up on may still run in the server, up to the
				// transaction timeout.
				Thread.sleep(settleMillis);
				report.put("memoryAfter", probe.settledMemory());
			}
		}
		BenchSupport.writeJson(out, report);
		String markdown = markdown(report);
		System.out.println();
		System.out.println(markdown);
		Path md = Path.of(out.toString().replaceAll("\\.json$", "") + ".md");
		Files.writeString(md, markdown);
		System.out.println("Written " + out + " and " + md);
	}

	@SuppressWarnings("unchecked")
	static String markdown(Map<String, Object> report) {
		Map<String, Object> totals = (Map<String, Object>) report.get("totals");
		Map<String, Object> settings = (Map<String, Object>) report.get("settings");
		Map<String, Object> read = (Map<String, Object>) totals.get("readLatency");
		StringBuilder md = new StringBuilder();
		md.append(String.format(
				"Load test, %,d articles, %s clients for %s s (last answer after %s s), load average %s → %s%n%n",
				(Long) report.get("articles"), settings.get("clients"), settings.get("durationSeconds"),
				totals.get("seconds"), ((Map<String, Object>) report.get("machine")).get("loadAverageAtStart"),
				report.get("loadAverageAtEnd")));
		md.append("| | |\n|---|---:|\n");
		md.append("| operations (reads + ingests) | ").append(totals.get("operations")).append(" |\n");
		md.append("| operations/s | ").append(totals.get("operationsPerSecond")).append(" |\n");
		md.append("| HTTP requests/s | ").append(totals.get("httpRequestsPerSecond")).append(" |\n");
		md.append("| errors | ").append(totals.get("errors")).append(" |\n");
		md.append("| articles ingested | ").append(totals.get("articlesIngested")).append(" |\n");
		md.append("| read latency p50 / p95 / p99 / max (ms) | ")
			.append(read.get("p50Ms"))
			.append(" / ")
			.append(read.get("p95Ms"))
			.append(" / ")
			.append(read.get("p99Ms"))
			.append(" / ")
			.append(read.get("maxMs"))
			.append(" |\n");
		md.append(
				"\n| operation | weight | count | errors | p50 | p95 | p99 | max |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
		Map<String, Object> per = (Map<String, Object>) report.get("perOperation");
		per.forEach((name, value) -> {
			Map<String, Object> row = (Map<String, Object>) value;
			md.append(String.format("| %s | %s | %s | %s | %s | %s | %s | %s |%n", name,
					MIX.containsKey(name) ? MIX.get(name) : "trickle", row.get("count"), row.get("errors"),
					BenchSupport.fmt((Double) row.get("p50Ms")), BenchSupport.fmt((Double) row.get("p95Ms")),
					BenchSupport.fmt((Double) row.get("p99Ms")), BenchSupport.fmt((Double) row.get("maxMs"))));
		});
		md.append("\nLatencies in ms (an articleWalk is ").append(Operations.WALK_PAGES).append(" requests).\n");
		if (report.containsKey("memoryBefore")) {
			md.append("\nServer memory before: ").append(report.get("memoryBefore")).append('\n');
			md.append("During: ").append(report.get("peaksDuringLoad")).append('\n');
			md.append("After: ").append(report.get("memoryAfter")).append('\n');
		}
		return md.toString();
	}

}
