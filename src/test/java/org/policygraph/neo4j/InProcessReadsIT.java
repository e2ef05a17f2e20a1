package org.policygraph.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Path.Segment;
import org.neo4j.driver.types.Relationship;
import org.policygraph.graphql.GraphApiTests;
import org.policygraph.support.HarnessIntegrationTests;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded database's reads in this JVM: the whole read API answers as over Bolt (the
 * read API tests, run here on the embedded database), a GraphQL query reads in one
 * in-process transaction without taking a Bolt connection, records carry the same values
 * as over Bolt, and the transactions are read-only and keep their timeout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "policygraph.security.editor.password=" + HarnessIntegrationTests.EDITOR_PASSWORD,
				"policygraph.neo4j.embedded.bolt-port=0", "policygraph.neo4j.embedded.page-cache=32MB",
				"policygraph.dashboard.warm-up=false", "policygraph.graphql.response-cache.ttl=0s",
				// A shared, loaded machine: the first requests of a fresh JVM can be
				// slow.
				"policygraph.graphql.timeout=60s" })
@AutoConfigureHttpGraphQlTester
@Import(InProcessReadsIT.BoltWork.class)
class InProcessReadsIT extends GraphApiTests {

	private static final Path DATA = temporaryDirectory();

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) {
		registry.add("policygraph.neo4j.embedded.data-directory", DATA::toString);
	}

	private static Path temporaryDirectory() {
		try {
			Path directory = Files.createTempDirectory("in-process-reads");
			Runtime.getRuntime()
				.addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(directory.toFile())));
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Autowired
	private InProcessReads inProcessReads;

	@Autowired
	private Driver driver;

	@Test
	void shouldAnswerANestedQueryInOneInProcessTransactionWithoutABoltConnection() {
		long transactions = this.inProcessReads.transactions();
		long acquired = boltConnectionsAcquired();

		Map<String, Object> document = this.graphQl.documentName("documentIssuersAndImplementers")
			.variable("key", "22-NQ/TW|TW|2008-02-02")
			.execute()
			.path("document")
			.entity(Map.class)
			.get();

		assertThat(this.inProcessReads.transactions() - transactions).as("in-process transactions").isEqualTo(1);
		assertThat(boltConnectionsAcquired() - acquired).as("transactions and statements over Bolt").isZero();
		assertThat(document.get("key")).isEqualTo("22-NQ/TW|TW|2008-02-02");
		assertThat((List<?>) document.get("issuedBy")).isNotEmpty();
		assertThat((List<?>) document.get("implementedByDocuments")).isNotEmpty()
			.allSatisfy(d -> assertThat((List<?>) ((Map<?, ?>) d).get("issuedBy")).isNotEmpty());
	}

	@Test
	void shouldStillWriteOverBolt() {
		long transactions = this.inProcessReads.transactions();
		long acquired = boltConnectionsAcquired();
		try (Session session = this.driver.session()) {
			session.run("CREATE (:InProcessReadsMarker) WITH 1 AS one MATCH (m:InProcessReadsMarker) DETACH DELETE m")
				.consume();
		}
		assertThat(this.inProcessReads.transactions()).isEqualTo(transactions);
		assertThat(boltConnectionsAcquired() - acquired).isEqualTo(1);
	}

	@Test
	void shouldHandOverTheSameValuesAsBolt() {
		List<String> statements = List.of("""
				MATCH (d:Document)-[r:ISSUED_BY]->(b:PartyBody)
				RETURN d, r, b, d.key AS key, labels(d) AS labels, properties(r) AS properties
				ORDER BY d.key, b.key LIMIT 5""", """
				MATCH p = (:Province)-[:IMPLEMENTS]->(:Document)<-[:ISSUED_BY|IMPLEMENTS]-()
				RETURN p ORDER BY elementId(last(nodes(p))), elementId(head(nodes(p))) LIMIT 3""", """
				MATCH (a:Article) RETURN a, a.publishedAt AS publishedAt ORDER BY a.id LIMIT 3""", """
				RETURN date('2024-01-02') AS d, datetime('2024-01-02T03:04:05.123+07:00') AS dt,
				  datetime('2024-01-02T03:04:05[Asia/Ho_Chi_Minh]') AS zoned,
				  localdatetime('2024-01-02T03:04') AS ldt, time('10:00:01+01:00') AS t, localtime('10:00') AS lt,
				  duration('P1Y2M3DT4H5.000000006S') AS dur, point({x: 1.5, y: 2.5}) AS p,
				  point({latitude: 10.5, longitude: 106.25, height: 3}) AS geo,
				  [1, 'a', [true, null], {k: 2.5}] AS list, {a: 1, b: [1, 2], c: {d: 'e'}} AS map, null AS nothing,
				  42 AS int, 0.5 AS float, $text AS text, $numbers AS numbers, $nested AS nested""");
		Map<String, Object> parameters = Map.of("text", Values.value("Đắk Lắk"), "numbers", List.of(1, 2L, 3.5),
				"nested", Map.of("key", List.of("x", Values.value(7))));
		for (String statement : statements) {
			List<String> overBolt;
			try (Session session = this.driver.session(SessionConfig.forDatabase("neo4j"))) {
				overBolt = describe(session.run(statement, parameters).list());
			}
			List<String> inProcess;
			try (Transaction transaction = this.inProcessReads.begin(TransactionConfig.empty())) {
				inProcess = describe(transaction.run(statement, parameters).list());
			}
			assertThat(inProcess).as(statement).isNotEmpty().isEqualTo(overBolt);
		}
	}

	@Test
	void shouldReadThroughAReadSessionOfTheDriverInProcess() {
		long transactions = this.inProcessReads.transactions();
		try (Session session = this.driver
			.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build());
				Transaction transaction = session.beginTransaction()) {
			assertThat(transaction.run("MATCH (p:Province) RETURN count(p) AS n").single().get("n").asLong())
				.isEqualTo(86);
		}
		assertThat(this.inProcessReads.transactions() - transactions).isEqualTo(1);
	}

	@Test
	void shouldRefuseWritesInAReadTransaction() {
		try (Transaction transaction = this.inProcessReads.begin(TransactionConfig.empty())) {
			assertThatThrownBy(() -> transaction.run("CREATE (:InProcessReadsMarker)").consume())
				.isInstanceOf(Neo4jException.class);
		}
		try (Session session = this.driver.session()) {
			assertThat(session.run("MATCH (m:InProcessReadsMarker) RETURN count(m) AS n").single().get("n").asLong())
				.isZero();
		}
	}

	@Test
	void shouldEndATransactionThatOutlivesItsTimeout() throws InterruptedException {
		TransactionConfig oneSecond = TransactionConfig.builder().withTimeout(Duration.ofSeconds(1)).build();
		try (Transaction transaction = this.inProcessReads.begin(oneSecond)) {
			assertThat(transaction.run("RETURN 1 AS one").single().get("one").asInt()).isEqualTo(1);
			// The database checks its transactions' timeouts every 2 seconds.
			Thread.sleep(4_000);
			assertThatThrownBy(() -> transaction.run("MATCH (p:Province) RETURN count(p) AS n").single())
				.isInstanceOfSatisfying(Neo4jException.class,
						ex -> assertThat(ex.code()).contains("Transaction").contains("TimedOut"));
		}
	}

	private static long boltConnectionsAcquired() {
		return BoltWork.count.get();
	}

	/**
	 * Counts the work that reaches the driver itself (transactions begun, statements run,
	 * managed transactions on its sessions) except the transactions
	 * {@link InProcessReads} begins in this JVM: what goes over Bolt.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class BoltWork {

		static final AtomicLong count = new AtomicLong();

		@Bean
		static BeanPostProcessor boltWorkCounter() {
			return new CountingPostProcessor();
		}

		static final class CountingPostProcessor implements BeanPostProcessor {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof Driver driver) ? proxy(Driver.class, driver) : bean;
			}

			@SuppressWarnings("unchecked")
			private static <T> T proxy(Class<T> type, T target) {
				return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
						(proxy, method, args) -> {
							String name = method.getName();
							Object result;
							try {
								result = method.invoke(target, args);
							}
							catch (InvocationTargetException ex) {
								throw ex.getCause();
							}
							// Whichever wraps the other: a transaction begun in this JVM
							// is
							// not Bolt work, anything else a session does is.
							if (target instanceof Session && (name.equals("run") || name.startsWith("execute")
									|| (name.equals("beginTransaction")
											&& !(result instanceof EmbeddedReadTransaction)))) {
								count.incrementAndGet();
							}
							return (result instanceof Session session && name.equals("session"))
									? proxy(Session.class, session) : result;
						});
			}

		}

	}

	private static List<String> describe(List<Record> records) {
		List<String> described = new ArrayList<>();
		for (Record record : records) {
			Map<String, String> fields = new TreeMap<>();
			record.fields().forEach(pair -> fields.put(pair.key(), describe(pair.value())));
			described.add(fields.toString());
		}
		return described;
	}

	private static String describe(Value value) {
		return switch (value.type().name()) {
			case "NODE" -> describe(value.asNode());
			case "RELATIONSHIP" -> describe(value.asRelationship());
			case "PATH" -> {
				List<String> segments = new ArrayList<>();
				for (Segment segment : value.asPath()) {
					segments
						.add(describe(segment.start()) + describe(segment.relationship()) + describe(segment.end()));
				}
				yield "path" + segments;
			}
			case "LIST" -> "list" + value.asList(EmbeddedValuesDescription::describe);
			case "MAP" -> "map" + new TreeMap<>(value.asMap(EmbeddedValuesDescription::describe));
			default -> value.type().name() + ":" + value.asObject();
		};
	}

	private static String describe(Node node) {
		return "node(" + node.elementId() + "," + node.id() + "," + new TreeMap<>(node.asMap()) + ","
				+ new java.util.TreeSet<String>(iterable(node.labels())) + ")";
	}

	private static String describe(Relationship relationship) {
		return "relationship(" + relationship.elementId() + "," + relationship.type() + ","
				+ relationship.startNodeElementId() + "," + relationship.endNodeElementId() + ","
				+ new TreeMap<>(relationship.asMap()) + ")";
	}

	private static List<String> iterable(Iterable<String> values) {
		List<String> list = new ArrayList<>();
		values.forEach(list::add);
		return list;
	}

	/** {@link #describe(Value)} as a function for nested values. */
	private static final class EmbeddedValuesDescription {

		static String describe(Value value) {
			return InProcessReadsIT.describe(value);
		}

	}

}
