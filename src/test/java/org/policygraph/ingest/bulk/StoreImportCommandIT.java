package org.policygraph.ingest.bulk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.importer.ImportCommand;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The importer as the bulk load runs it, on a small input: the command imports, and
 * Neo4j's background page-cache flusher, which {@code neo4j-admin}'s own command starts,
 * never runs.
 */
class StoreImportCommandIT {

	private static final String FLUSHER = "PageCacheFlusher";

	@TempDir
	Path home;

	@Test
	void shouldImportWithoutTheBackgroundFlusher() throws Exception {
		Run run = importWith(StoreImportCommand::new);

		assertThat(run.exit()).as(run.output()).isZero();
		assertThat(run.flusherSeen()).as("a thread named " + FLUSHER + " ran during the import").isFalse();
		assertThat(this.home.resolve("data/databases/neo4j/neostore")).exists();
	}

	@Test
	void shouldSeeTheFlusherOfNeo4jsOwnCommand() throws Exception {
		// The control: the same watch finds the flusher when the importer gets the
		// command's own configuration.
		Run run = importWith(ImportCommand.Full::new);

		assertThat(run.exit()).as(run.output()).isZero();
		assertThat(run.flusherSeen()).isTrue();
	}

	private Run importWith(Function<ExecutionContext, ImportCommand.Full> commands) throws IOException {
		Path nodes = this.home.resolve("nodes.csv");
		StringBuilder csv = new StringBuilder(":ID(Place),name\n");
		for (int i = 0; i < 200_000; i++) {
			csv.append(i).append(",\"Nghệ An ").append(i).append("\"\n");
		}
		Files.writeString(nodes, csv, StandardCharsets.UTF_8);
		Path relationships = this.home.resolve("relationships.csv");
		Files.writeString(relationships, ":START_ID(Place),:END_ID(Place),:TYPE\n1,2,NEAR\n", StandardCharsets.UTF_8);
		Files.createDirectories(this.home.resolve("conf"));
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		AtomicBoolean importing = new AtomicBoolean(true);
		AtomicBoolean seen = new AtomicBoolean();
		Thread watch = new Thread(() -> {
			while (importing.get() && !seen.get()) {
				seen.set(threadNamed(FLUSHER));
				Thread.onSpinWait();
			}
		}, "flusher-watch");
		int exit;
		try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
			ExecutionContext context = new ExecutionContext(this.home, this.home.resolve("conf"), out, out,
					new DefaultFileSystemAbstraction());
			watch.start();
			exit = new CommandLine(commands.apply(context)).execute("neo4j", "--overwrite-destination=true",
					"--id-type=integer", "--max-off-heap-memory=64M",
					"--report-file=" + this.home.resolve("import.report"), "--nodes=Place=" + nodes,
					"--relationships=" + relationships);
		}
		finally {
			importing.set(false);
		}
		try {
			watch.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return new Run(exit, output.toString(StandardCharsets.UTF_8), seen.get());
	}

	private static boolean threadNamed(String name) {
		ThreadGroup root = Thread.currentThread().getThreadGroup();
		while (root.getParent() != null) {
			root = root.getParent();
		}
		Thread[] threads = new Thread[root.activeCount() + 16];
		int count = root.enumerate(threads, true);
		for (int i = 0; i < count; i++) {
			if (name.equals(threads[i].getName())) {
				return true;
			}
		}
		return false;
	}

	private record Run(int exit, String output, boolean flusherSeen) {
	}

}
