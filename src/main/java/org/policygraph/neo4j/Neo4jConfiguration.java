package org.policygraph.neo4j;

import java.net.URI;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.data.neo4j.core.transaction.Neo4jBookmarkManager;
import org.springframework.data.neo4j.core.transaction.Neo4jTransactionManager;

/**
 * Wires the database: the embedded instance and its connection details when no external
 * URI is configured; otherwise Spring Boot's own {@code spring.neo4j.*} connection. In
 * both cases one bookmark manager keeps the instance's reads causally after its writes
 * (see {@link GraphBookmarks}), and health is checked with a read.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ EmbeddedNeo4jProperties.class, GraphInitializationProperties.class,
		BookmarkProperties.class })
class Neo4jConfiguration {

	/**
	 * The instance's bookmarks. Spring Data Neo4j's transaction manager and
	 * {@code Neo4jClient} pick up a bean of this type; the ingest writer shares it
	 * through {@link GraphBookmarks}.
	 */
	@Bean
	Neo4jBookmarkManager neo4jBookmarkManager() {
		return Neo4jBookmarkManager.create();
	}

	/**
	 * Spring Data Neo4j's transaction manager, as Spring Boot would make it (with the
	 * instance's bookmarks and {@code spring.transaction.*}), able to run a unit of
	 * work's reads in one transaction ({@link ReadScopeTransactionManager}).
	 */
	@Bean
	ReadScopeTransactionManager transactionManager(Driver driver, DatabaseSelectionProvider databaseSelection,
			Neo4jBookmarkManager bookmarks, ObjectProvider<TransactionManagerCustomizers> customizers,
			ApplicationContext context) {
		Neo4jTransactionManager neo4j = Neo4jTransactionManager.with(driver)
			.withDatabaseSelectionProvider(databaseSelection)
			.withBookmarkManager(bookmarks)
			.build();
		neo4j.setApplicationContext(context);
		customizers.ifAvailable(c -> c.customize(neo4j));
		return new ReadScopeTransactionManager(neo4j);
	}

	/**
	 * Replaces Spring Boot's Neo4j health indicator, which checks in a write session (on
	 * a cluster: the leader): this one checks in a read session, like the queries it
	 * stands for.
	 */
	@Bean
	Neo4jReadHealthIndicator neo4jHealthIndicator(Driver driver) {
		return new Neo4jReadHealthIndicator(driver);
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(OnEmbeddedNeo4jCondition.class)
	@ConditionalOnMissingBean(Neo4jConnectionDetails.class)
	static class EmbeddedDatabaseConfiguration {

		/**
		 * Starts the database while the other beans are created.
		 */
		@Bean
		static EmbeddedNeo4jStarter embeddedNeo4jStarter() {
			return new EmbeddedNeo4jStarter();
		}

		/**
		 * The started database, for what works on it directly (a bulk import). Lazy: a
		 * bean that asks for it waits for the start, and none needs to before the context
		 * is refreshed. The starter stops it.
		 */
		@Bean(destroyMethod = "")
		@Lazy
		EmbeddedNeo4j embeddedNeo4j(EmbeddedNeo4jStarter starter) {
			return starter.join();
		}

		/**
		 * The embedded database's read transactions in this JVM, without Bolt
		 * ({@code policygraph.neo4j.in-process-reads=false} sends them over Bolt too).
		 * The database is looked up at the first read, not when the driver is made.
		 */
		@Bean
		@ConditionalOnBooleanProperty(name = "policygraph.neo4j.in-process-reads", matchIfMissing = true)
		InProcessReads inProcessReads(EmbeddedNeo4jStarter starter) {
			return new InProcessReads(starter::join);
		}

		/** Wraps the driver bean so that its read sessions use {@link InProcessReads}. */
		@Bean
		static BeanPostProcessor inProcessReadsDriver(ObjectProvider<InProcessReads> inProcessReads) {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof Driver driver) {
						InProcessReads reads = inProcessReads.getIfAvailable();
						return (reads != null) ? reads.wrap(driver) : driver;
					}
					return bean;
				}

			};
		}

		@Bean
		Neo4jConnectionDetails embeddedNeo4jConnectionDetails(EmbeddedNeo4jStarter starter) {
			return new Neo4jConnectionDetails() {

				@Override
				public URI getUri() {
					return starter.boltUri();
				}

				@Override
				public AuthToken getAuthToken() {
					return starter.authToken();
				}

			};
		}

	}

}
