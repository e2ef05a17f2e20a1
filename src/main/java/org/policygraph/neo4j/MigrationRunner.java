package org.policygraph.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Values;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Applies {@code cypher/migrations/V*__*.cypher} in version order, each once, recording
 * version, description and checksum as {@code (:__Migration)} nodes. Refuses to continue
 * when an applied file has changed.
 */
public final class MigrationRunner {

	private static final Logger log = LoggerFactory.getLogger(MigrationRunner.class);

	private static final String CREATE_CONSTRAINT = """
			CREATE CONSTRAINT migration_version IF NOT EXISTS
			FOR (m:__Migration) REQUIRE m.version IS UNIQUE""";

	private static final String APPLIED = """
			MATCH (m:__Migration) RETURN m.version AS version, m.checksum AS checksum, m.fileName AS fileName""";

	private static final String RECORD = """
			MERGE (m:__Migration {version: $version})
			SET m.description = $description, m.fileName = $fileName, m.checksum = $checksum,
			    m.appliedAt = datetime(), m.durationMs = $durationMs""";

	/** A statement that creates a full-text index only if it does not exist. */
	private static final Pattern CREATE_FULLTEXT_INDEX = Pattern.compile(
			"\\s*CREATE\\s+FULLTEXT\\s+INDEX\\s+\\S+\\s+IF\\s+NOT\\s+EXISTS\\b.*",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	/** A statement that commits in batches ({@code CALL { … } IN TRANSACTIONS}). */
	private static final Pattern IN_TRANSACTIONS = Pattern
		.compile("}\\s*IN\\s+(\\d+\\s+CONCURRENT\\s+)?TRANSACTIONS\\b", Pattern.CASE_INSENSITIVE);

	private final Driver driver;

	private final SessionConfig sessionConfig;

	public MigrationRunner(Driver driver, SessionConfig sessionConfig) {
		this.driver = driver;
		this.sessionConfig = sessionConfig;
	}

	/**
	 * Loads every migration file matching a resource pattern.
	 * @param resolver the resolver
	 * @param locationPattern e.g. {@code classpath*:cypher/migrations/*.cypher}
	 * @return the migrations sorted by version
	 */
	public static List<Migration> load(ResourcePatternResolver resolver, String locationPattern) {
		try {
			List<Migration> migrations = new ArrayList<>();
			for (Resource resource : resolver.getResources(locationPattern)) {
				String name = resource.getFilename();
				if (name == null || !name.endsWith(".cypher")) {
					continue;
				}
				migrations.add(Migration.of(name, resource.getContentAsString(StandardCharsets.UTF_8)));
			}
			migrations.sort(Comparator.comparingInt(Migration::version));
			for (int i = 1; i < migrations.size(); i++) {
				if (migrations.get(i).version() == migrations.get(i - 1).version()) {
					throw new MigrationException("Two migration files have version " + migrations.get(i).version()
							+ ": " + migrations.get(i - 1).fileName() + " and " + migrations.get(i).fileName());
				}
			}
			return migrations;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read migrations from " + locationPattern, ex);
		}
		catch (IllegalArgumentException ex) {
			throw new MigrationException(ex.getMessage(), ex);
		}
	}

	/**
	 * Applies the migrations that are not applied yet.
	 * @param migrations the migrations in version order
	 * @return the migrations applied by this call (empty when the schema is current)
	 * @throws MigrationException when an applied migration's file changed or a statement
	 * fails
	 */
	public List<Migration> migrate(List<Migration> migrations) {
		try (var session = this.driver.session(this.sessionConfig)) {
			session.executeWriteWithoutResult(tx -> tx.run(CREATE_CONSTRAINT).consume());
			Map<Integer, String> applied = new HashMap<>();
			session.executeRead(tx -> tx.run(APPLIED).list())
				.forEach(r -> applied.put(r.get("version").asInt(), r.get("checksum").asString()));
			List<Migration> done = new ArrayList<>();
			for (Migration migration : migrations) {
				String checksum = applied.get(migration.version());
				if (checksum != null) {
					if (!checksum.equals(migration.checksum())) {
						throw new MigrationException("Migration " + migration.fileName()
								+ " was changed after it had been applied (checksum in the database " + abbrev(checksum)
								+ ", file " + abbrev(migration.checksum()) + "). Start-up refused.");
					}
					continue;
				}
				long started = System.nanoTime();
				for (String statement : migration.statements()) {
					try {
						if (IN_TRANSACTIONS.matcher(statement).find()) {
							// A batched data migration commits its own batches: it runs
							// in an auto-commit transaction, the only kind that allows
							// it.
							session.run(statement).consume();
						}
						else {
							// Schema statements cannot share a transaction with data
							// writes: one each.
							session.executeWriteWithoutResult(tx -> tx.run(statement).consume());
						}
					}
					catch (RuntimeException ex) {
						throw new MigrationException("Migration " + migration.fileName() + " failed at statement:\n"
								+ statement + "\n" + ex.getMessage(), ex);
					}
				}
				long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
				session.executeWriteWithoutResult(tx -> tx.run(RECORD,
						Values.parameters("version", migration.version(), "description", migration.description(),
								"fileName", migration.fileName(), "checksum", migration.checksum(), "durationMs",
								millis))
					.consume());
				log.info("Applied migration {} in {} ms", migration.fileName(), millis);
				done.add(migration);
			}
			if (done.isEmpty()) {
				log.info("Schema is current ({} migrations applied)", migrations.size());
			}
			return done;
		}
	}

	/**
	 * On a database where no migration has been applied (a store written by the bulk
	 * importer), runs the migrations' {@code CREATE FULLTEXT INDEX … IF NOT EXISTS}
	 * statements ahead of the rest. Full-text indexes populate in the background and
	 * never conflict with a constraint, so they build while {@link #migrate(List)}
	 * creates the constraints, whose statements wait for their own indexes; the
	 * statements themselves then find the index and do nothing.
	 * @param migrations the migrations in version order
	 * @return how many statements were run
	 */
	public int startFulltextIndexes(List<Migration> migrations) {
		try (var session = this.driver.session(this.sessionConfig)) {
			boolean fresh = session.executeRead(tx -> tx.run(APPLIED).list()).isEmpty();
			if (!fresh) {
				return 0;
			}
			int run = 0;
			for (Migration migration : migrations) {
				for (String statement : migration.statements()) {
					if (CREATE_FULLTEXT_INDEX.matcher(statement).matches()) {
						session.executeWriteWithoutResult(tx -> tx.run(statement).consume());
						run++;
					}
				}
			}
			return run;
		}
	}

	private static String abbrev(String checksum) {
		return checksum.substring(0, Math.min(12, checksum.length()));
	}

}
