package org.policygraph.ingest.bulk;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neo4j.batchimport.api.Configuration;
import org.neo4j.batchimport.api.IndexConfig;
import org.neo4j.io.pagecache.ExternallyManagedPageCache;
import org.policygraph.ingest.bulk.StoreImportCommand.WithoutBackgroundFlushing;

import static org.assertj.core.api.Assertions.assertThat;

class StoreImportCommandTests {

	private static final IndexConfig INDEX = new IndexConfig().withRelationshipTypeIndex();

	private static final ExternallyManagedPageCache PAGE_CACHE = new ExternallyManagedPageCache(null);

	/** A configuration in which every value differs from the interface's default. */
	private static final Configuration GIVEN = new Configuration() {

		@Override
		public int batchSize() {
			return 123;
		}

		@Override
		public int movingAverageSize() {
			return 7;
		}

		@Override
		public int maxNumberOfWorkerThreads() {
			return 997;
		}

		@Override
		public int maxQueueSize() {
			return 11;
		}

		@Override
		public long maxOffHeapMemory() {
			return 512L * 1024 * 1024;
		}

		@Override
		public boolean sequentialBackgroundFlushing() {
			return true;
		}

		@Override
		public boolean parallelRecordWrites() {
			return false;
		}

		@Override
		public boolean parallelRecordReads() {
			return false;
		}

		@Override
		public boolean highIO() {
			return false;
		}

		@Override
		public boolean strictNodeCheck() {
			return true;
		}

		@Override
		public IndexConfig indexConfig() {
			return INDEX;
		}

		@Override
		public boolean defragmentInternalStores() {
			return false;
		}

		@Override
		public int forcedNumberOfNodeIdRanges() {
			return 5;
		}

		@Override
		public ExternallyManagedPageCache providedPageCache() {
			return PAGE_CACHE;
		}

	};

	@Test
	void shouldTurnOffBackgroundFlushingOnly() {
		Configuration config = new WithoutBackgroundFlushing(GIVEN);

		assertThat(config.sequentialBackgroundFlushing()).isFalse();
		assertThat(config.batchSize()).isEqualTo(123);
		assertThat(config.movingAverageSize()).isEqualTo(7);
		assertThat(config.maxNumberOfWorkerThreads()).isEqualTo(997);
		assertThat(config.maxQueueSize()).isEqualTo(11);
		assertThat(config.maxOffHeapMemory()).isEqualTo(512L * 1024 * 1024);
		assertThat(config.parallelRecordWrites()).isFalse();
		assertThat(config.parallelRecordReads()).isFalse();
		assertThat(config.highIO()).isFalse();
		assertThat(config.strictNodeCheck()).isTrue();
		assertThat(config.indexConfig()).isSameAs(INDEX);
		assertThat(config.defragmentInternalStores()).isFalse();
		assertThat(config.providedPageCache()).isSameAs(PAGE_CACHE);
		assertThat(config.forcedNumberOfNodeIdRanges()).isEqualTo(5);
	}

	@Test
	void shouldDelegateEveryMethodOfTheImportersConfiguration() {
		// A method Neo4j adds to the interface would otherwise answer its default, not
		// the command's setting.
		List<String> notDeclared = Arrays.stream(Configuration.class.getMethods())
			.filter(m -> !Modifier.isStatic(m.getModifiers()))
			.filter(m -> !declares(WithoutBackgroundFlushing.class, m))
			.map(Method::getName)
			.toList();

		assertThat(notDeclared).isEmpty();
	}

	private static boolean declares(Class<?> type, Method method) {
		try {
			type.getDeclaredMethod(method.getName(), method.getParameterTypes());
			return true;
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
	}

}
