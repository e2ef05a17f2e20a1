package org.policygraph.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded database starts, with its migrations applied, as soon as the bean
 * factory's configuration is read, before any bean needs it; a start that fails reaches
 * the bean that waits for it, and a database nobody took is stopped with the context.
 */
class EmbeddedNeo4jStarterIT {

	@TempDir
	Path dataDirectory;

	private EmbeddedNeo4jStarter starter(Path directory) {
		EmbeddedNeo4jStarter starter = new EmbeddedNeo4jStarter();
		starter.setEnvironment(
				new MockEnvironment().withProperty("policygraph.neo4j.embedded.data-directory", directory.toString())
					.withProperty("policygraph.neo4j.embedded.bolt-port", "0")
					.withProperty("policygraph.neo4j.embedded.page-cache", "32MB"));
		return starter;
	}

	@Test
	void shouldStartTheDatabaseWithItsMigrationsAppliedBeforeAnyBeanAsksForIt() {
		EmbeddedNeo4jStarter starter = starter(this.dataDirectory);
		starter.postProcessBeanFactory(new DefaultListableBeanFactory());
		try (EmbeddedNeo4j database = starter.join();
				Driver driver = GraphDatabase.driver(database.boltUri(), database.authToken());
				var session = driver.session()) {
			assertThat(database.home()).isEqualTo(this.dataDirectory.toAbsolutePath().normalize());
			assertThat(session.run("MATCH (m:__Migration) RETURN count(m)").single().get(0).asLong())
				.isEqualTo(migrationFiles());
		}
	}

	@Test
	void shouldHandTheStartFailureToTheBeanThatWaits() throws IOException {
		Path notADirectory = Files.createFile(this.dataDirectory.resolve("a-file"));
		EmbeddedNeo4jStarter starter = starter(notADirectory);
		starter.postProcessBeanFactory(new DefaultListableBeanFactory());
		assertThatThrownBy(starter::join).isInstanceOf(EmbeddedNeo4jStartException.class)
			.hasMessageContaining(notADirectory.toString());
		starter.destroy();
	}

	@Test
	void shouldStopADatabaseThatWasNeverTakenWhenTheContextCloses() {
		EmbeddedNeo4jStarter starter = starter(this.dataDirectory);
		starter.postProcessBeanFactory(new DefaultListableBeanFactory());
		starter.destroy();
		// The directory's lock is free again: another start succeeds.
		EmbeddedNeo4jStarter again = starter(this.dataDirectory);
		again.postProcessBeanFactory(new DefaultListableBeanFactory());
		try (EmbeddedNeo4j database = again.join()) {
			assertThat(database.boltUri()).isNotNull();
		}
	}

	private static long migrationFiles() {
		try (var files = Files.list(Path.of("cypher", "migrations"))) {
			return files.filter(f -> f.getFileName().toString().endsWith(".cypher")).count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
