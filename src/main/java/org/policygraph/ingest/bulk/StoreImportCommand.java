package org.policygraph.ingest.bulk;

import java.io.IOException;
import java.io.PrintStream;

import org.neo4j.batchimport.api.Configuration;
import org.neo4j.batchimport.api.IndexConfig;
import org.neo4j.batchimport.api.input.Collector;
import org.neo4j.batchimport.api.input.Input;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.Config;
import org.neo4j.importer.ImportCommand;
import org.neo4j.io.fs.FileSystemAbstraction;
import org.neo4j.io.layout.DatabaseLayout;
import org.neo4j.io.pagecache.ExternallyManagedPageCache;
import org.neo4j.io.pagecache.context.CursorContextFactory;
import org.neo4j.io.pagecache.tracing.PageCacheTracer;
import org.neo4j.logging.InternalLogProvider;
import org.neo4j.logging.internal.LogService;
import org.neo4j.memory.MemoryTracker;
import org.neo4j.scheduler.JobScheduler;

/**
 * Neo4j's {@code database import full}, as {@code neo4j-admin} runs it, except that the
 * importer does not flush its page cache in the background while it writes nodes and
 * relationships.
 * <p>
 * That flushing ({@link Configuration#sequentialBackgroundFlushing()}, on by default) is
 * a thread that writes and forces every dirty page of the store in a loop, so that a disk
 * sees one sequential writer rather than random writes at eviction. It takes a core: on
 * two cores the node and relationship stages of a 100,000-article load took about half as
 * long without it (docs/PERFORMANCE.md, bulk load). Without it, pages are written when
 * the page cache evicts them and when the importer closes the store, which forces every
 * file: the staging store is as complete and as durable when the import returns, and only
 * then replaces the database.
 */
class StoreImportCommand extends ImportCommand.Full {

	StoreImportCommand(ExecutionContext context) {
		super(context);
	}

	@Override
	protected void doImport(FileSystemAbstraction fs, DatabaseLayout layout, Config config, JobScheduler scheduler,
			InternalLogProvider logProvider, PageCacheTracer pageCacheTracer, CursorContextFactory contextFactory,
			Configuration importConfig, LogService logService, PrintStream out, PrintStream err, boolean verbose,
			Collector badCollector, MemoryTracker memoryTracker, Input input) throws IOException {
		super.doImport(fs, layout, config, scheduler, logProvider, pageCacheTracer, contextFactory,
				new WithoutBackgroundFlushing(importConfig), logService, out, err, verbose, badCollector, memoryTracker,
				input);
	}

	/**
	 * An importer configuration as given, without background flushing. Every method of
	 * {@link Configuration} is delegated, so that none falls back to its default.
	 */
	static final class WithoutBackgroundFlushing implements Configuration {

		private final Configuration delegate;

		WithoutBackgroundFlushing(Configuration delegate) {
			this.delegate = delegate;
		}

		@Override
		public boolean sequentialBackgroundFlushing() {
			return false;
		}

		@Override
		public int batchSize() {
			return this.delegate.batchSize();
		}

		@Override
		public int movingAverageSize() {
			return this.delegate.movingAverageSize();
		}

		@Override
		public int maxNumberOfWorkerThreads() {
			return this.delegate.maxNumberOfWorkerThreads();
		}

		@Override
		public int maxQueueSize() {
			return this.delegate.maxQueueSize();
		}

		@Override
		public long maxOffHeapMemory() {
			return this.delegate.maxOffHeapMemory();
		}

		@Override
		public boolean parallelRecordWrites() {
			return this.delegate.parallelRecordWrites();
		}

		@Override
		public boolean parallelRecordReads() {
			return this.delegate.parallelRecordReads();
		}

		@Override
		public boolean highIO() {
			return this.delegate.highIO();
		}

		@Override
		public boolean strictNodeCheck() {
			return this.delegate.strictNodeCheck();
		}

		@Override
		public IndexConfig indexConfig() {
			return this.delegate.indexConfig();
		}

		@Override
		public boolean defragmentInternalStores() {
			return this.delegate.defragmentInternalStores();
		}

		@Override
		public int forcedNumberOfNodeIdRanges() {
			return this.delegate.forcedNumberOfNodeIdRanges();
		}

		@Override
		public ExternallyManagedPageCache providedPageCache() {
			return this.delegate.providedPageCache();
		}

	}

}
