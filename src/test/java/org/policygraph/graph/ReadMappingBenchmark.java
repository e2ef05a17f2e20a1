package org.policygraph.graph;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.types.MapAccessor;
import org.neo4j.driver.types.TypeSystem;
import org.policygraph.support.InProcessNeo4j;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.data.neo4j.core.Neo4jTemplate;
import org.springframework.data.neo4j.core.mapping.Neo4jMappingContext;
import org.springframework.data.neo4j.core.transaction.Neo4jTransactionManager;
import org.springframework.data.neo4j.core.schema.Id;

/**
 * The cost of turning 10,000 {@code Article} rows into read records (a main, not a test):
 * the hand mapper ({@link Article#of}) against Spring Data Neo4j's mapping function for
 * an equivalent entity record
 * ({@link Neo4jMappingContext#getRequiredMappingFunctionFor}), first over records already
 * read (mapping alone), then end to end through {@link Neo4jClient} and through
 * {@link Neo4jTemplate#findAll(String, Map, Class)}. The variants take turns, round after
 * round, so each sees the same load; the median and best of the measured rounds are
 * printed.
 *
 * <pre>
 * ./mvnw -o -q test-compile
 * java -cp target/classes:target/test-classes:$(./mvnw -o -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *     org.policygraph.graph.ReadMappingBenchmark
 * </pre>
 */
public final class ReadMappingBenchmark {

	private static final int ROWS = 10_000;

	private static final int WARM_UP_ROUNDS = 15;

	private static final int MEASURED_ROUNDS = 25;

	private static final String ARTICLES = "MATCH (a:Article) RETURN a";

	private ReadMappingBenchmark() {
	}

	public static void main(String[] args) {
		try (Driver driver = InProcessNeo4j.driver()) {
			try (Session session = driver.session()) {
				session
					.run("""
							UNWIND range(1, $rows) AS i
							CREATE (:Article:ArticleNode {id: 'a' + i, url: 'https://bench.example/' + i,
							  title: 'Tỉnh ủy triển khai Nghị quyết số ' + i + '-NQ/TW',
							  text: 'Thực hiện Nghị quyết số ' + i + '-NQ/TW của Bộ Chính trị, Ban Thường vụ Tỉnh ủy ban hành kế hoạch.',
							  publishedAt: date('2024-01-01') + duration({days: i % 700}), source: 'bench',
							  provinceKey: toString(i % 63), unresolvedCitations: CASE WHEN i % 5 = 0 THEN ['Kết luận 21'] ELSE [] END})
							""",
							Map.of("rows", ROWS))
					.consume();
			}
			Neo4jClient client = Neo4jClient.create(driver);
			Neo4jMappingContext context = new Neo4jMappingContext();
			context.setInitialEntitySet(Set.of(ArticleNode.class));
			context.initialize();
			BiFunction<TypeSystem, MapAccessor, ArticleNode> sdn = context
				.getRequiredMappingFunctionFor(ArticleNode.class);
			Neo4jTemplate template = new Neo4jTemplate(client, context, new Neo4jTransactionManager(driver));

			List<Record> records;
			try (Session session = driver.session()) {
				records = session.run(ARTICLES).list();
			}
			check(records.size() == ROWS, "rows read: " + records.size());
			check(Article.of(records.get(0).get("a"))
				.id()
				.equals(sdn.apply(TypeSystem.getDefault(), records.get(0)).id()), "both mappers read the same article");

			Map<String, Supplier<Integer>> variants = new LinkedHashMap<>();
			variants.put("mapping only: hand mapper `Article.of`", () -> {
				List<Article> out = new ArrayList<>(ROWS);
				for (Record r : records) {
					out.add(Article.of(r.get("a")));
				}
				return out.size();
			});
			variants.put("mapping only: SDN mapping function", () -> {
				List<ArticleNode> out = new ArrayList<>(ROWS);
				for (Record r : records) {
					out.add(sdn.apply(TypeSystem.getDefault(), r));
				}
				return out.size();
			});
			variants.put("query + map: Neo4jClient, hand mapper",
					() -> client.query(ARTICLES)
						.fetchAs(Article.class)
						.mappedBy((t, r) -> Article.of(r.get("a")))
						.all()
						.size());
			variants.put("query + map: Neo4jClient, SDN mapping function",
					() -> client.query(ARTICLES).fetchAs(ArticleNode.class).mappedBy(sdn::apply).all().size());
			variants.put("query + map: Neo4jTemplate.findAll",
					() -> template.findAll(ARTICLES, Map.of(), ArticleNode.class).size());
			variants.put("query only: Neo4jClient, the id column",
					() -> client.query("MATCH (a:Article) RETURN a.id AS id").fetchAs(String.class).all().size());
			run(variants);
		}
	}

	/**
	 * Runs the variants in turn, round after round, so that each sees the same load on a
	 * shared machine; reports the median and best wall-clock time and the median CPU time
	 * of this thread.
	 */
	private static void run(Map<String, Supplier<Integer>> variants) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		Map<String, long[]> wall = new LinkedHashMap<>();
		Map<String, long[]> cpu = new LinkedHashMap<>();
		variants.keySet().forEach(label -> {
			wall.put(label, new long[MEASURED_ROUNDS]);
			cpu.put(label, new long[MEASURED_ROUNDS]);
		});
		for (int round = -WARM_UP_ROUNDS; round < MEASURED_ROUNDS; round++) {
			for (Map.Entry<String, Supplier<Integer>> variant : variants.entrySet()) {
				long start = System.nanoTime();
				long cpuStart = threads.getCurrentThreadCpuTime();
				int rows = variant.getValue().get();
				long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
				long nanos = System.nanoTime() - start;
				check(rows == ROWS, variant.getKey());
				if (round >= 0) {
					wall.get(variant.getKey())[round] = nanos;
					cpu.get(variant.getKey())[round] = cpuNanos;
				}
			}
		}
		System.out
			.println("| " + ROWS + " Article rows | median ms | best ms | median ms CPU (this thread) | ns/row CPU |");
		System.out.println("|---|---:|---:|---:|---:|");
		variants.keySet().forEach(label -> {
			long[] w = wall.get(label);
			long[] c = cpu.get(label);
			Arrays.sort(w);
			Arrays.sort(c);
			System.out.println(
					String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %d |", label, w[MEASURED_ROUNDS / 2] / 1e6,
							w[0] / 1e6, c[MEASURED_ROUNDS / 2] / 1e6, c[MEASURED_ROUNDS / 2] / ROWS));
		});
	}

	private static void check(boolean condition, String what) {
		if (!condition) {
			throw new IllegalStateException("benchmark check failed: " + what);
		}
	}

	/**
	 * The article as a Spring Data Neo4j entity, only to measure SDN's mapping. Not
	 * annotated {@code @Node}, which the application's entity scan would take into every
	 * test context; its label is then its simple name, which the benchmark's nodes carry
	 * too.
	 */
	record ArticleNode(@Id String id, @Nullable String url, String title, @Nullable String text,
			@Nullable LocalDate publishedAt, @Nullable String source, @Nullable String provinceKey,
			List<String> unresolvedCitations) {
	}

}
