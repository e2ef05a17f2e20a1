package org.policygraph.ingest.cli;

import org.policygraph.ingest.IngestOptions;
import org.policygraph.ingest.IngestReport;
import org.policygraph.ingest.IngestService;
import org.policygraph.ingest.UrlIngest;
import org.policygraph.ingest.bulk.BulkLoadException;
import org.policygraph.ingest.bulk.BulkLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.policygraph.ingest.read.SourceFormat;
import org.policygraph.neo4j.EmbeddedNeo4jPassword;
import org.policygraph.neo4j.EmbeddedNeo4jStartException;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The {@code ingest} command line:
 * {@code java -jar policy-graph.jar ingest <files | directories | - | http(s) URLs> [--format=…] [--dry-run] [--batch-size=N]}.
 * Starts the application without its web server, ingests, prints a summary and exits
 * {@code 0} when every record went in, {@code 1} when any was rejected or failed (or the
 * database could not be opened), {@code 2} on a usage error. The command's embedded
 * database does not take the configured Bolt port (see {@link #ownBoltPort}), so a
 * running server or Neo4j Desktop on that port is no obstacle; a server running on the
 * same data directory is, and the command says so.
 */
public final class IngestCommand {

	static final String USAGE = """
			Usage: ingest <file | directory | - | URL> ... [options]
			  Reads articles (seed listing text, JSON array, NDJSON, HTML page, RSS/Atom feed; detected
			  from the content) and writes them into the graph. '-' reads standard input.
			  http(s) URLs are fetched politely (robots.txt, policygraph.sources.* limits): a feed, a
			  sitemap, an article page or a listing page, with the article pages they point to.
			Options:
			  --format=listing|json|ndjson|html|feed   override format detection
			  --dry-run                                 extract and report, write nothing
			  --batch-size=N                            articles per transaction (default 500)
			  --bulk                                    initial load of an empty embedded database through
			                                            Neo4j's bulk importer: many times faster for large corpora
			  --spring.neo4j.uri=bolt://host:7687       write to an external Neo4j (or set NEO4J_URI)
			Exit status: 0 all records ingested, 1 some rejected or failed, 2 usage error.""";

	private static final String BOLT_ADDRESS = "policygraph.neo4j.embedded.bolt-address";

	private static final String BOLT_PORT = "policygraph.neo4j.embedded.bolt-port";

	private IngestCommand() {
	}

	/**
	 * Runs the command.
	 * @param args the arguments after {@code ingest}
	 * @param application the application class
	 * @return the exit status
	 */
	public static int run(String[] args, Class<?> application) {
		PrintStream out = System.out;
		PrintStream err = System.err;
		Arguments arguments;
		try {
			arguments = Arguments.parse(args);
		}
		catch (IllegalArgumentException ex) {
			err.println("ingest: " + ex.getMessage());
			err.println(USAGE);
			return 2;
		}
		if (arguments.help()) {
			out.println(USAGE);
			return 0;
		}
		for (Path path : arguments.paths()) {
			if (!Files.exists(path)) {
				err.println("ingest: no such file or directory: " + path);
				return 2;
			}
		}
		List<String> springArgs = new ArrayList<>(arguments.springArgs());
		// As arguments, these win over application.properties: the command never loads
		// the sample
		// and never polls the configured sources.
		springArgs.add(0, "--policygraph.sample.enabled=false");
		springArgs.add(0, "--policygraph.sources.polling-enabled=false");
		springArgs.add(0, "--spring.main.banner-mode=off");
		AtomicReference<String> serverBolt = new AtomicReference<>("bolt://127.0.0.1:7687");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
			.web(WebApplicationType.NONE)
			.initializers(ownBoltPort(serverBolt))
			.run(springArgs.toArray(String[]::new))) {
			IngestService service = context.getBean(IngestService.class);
			ProgressDisplay progress = new ProgressDisplay(err, System.console() != null,
					totalBytes(arguments.paths()));
			IngestReport report;
			if (arguments.bulk()) {
				BulkLoader loader = context.getBean(BulkLoader.class);
				Consumer<String> status = line -> {
					progress.finish();
					err.println(line);
				};
				try {
					report = arguments.stdin() ? loader.load("stdin", System.in, arguments.options(), progress, status)
							: loader.load(arguments.paths(), arguments.options(), progress, status);
				}
				catch (BulkLoadException ex) {
					progress.finish();
					err.println("ingest: " + ex.getMessage());
					return 1;
				}
			}
			else if (!arguments.urls().isEmpty()) {
				report = context.getBean(UrlIngest.class).ingest(arguments.urls(), arguments.options(), progress);
			}
			else {
				report = arguments.stdin() ? service.ingest("stdin", System.in, arguments.options(), progress)
						: service.ingest(arguments.paths(), arguments.options(), progress);
			}
			progress.finish();
			out.print(IngestSummary.format(report, arguments.options().dryRun()));
			return report.clean() ? 0 : 1;
		}
		catch (RuntimeException ex) {
			EmbeddedNeo4jStartException notStarted = startFailure(ex);
			if (notStarted == null) {
				throw ex;
			}
			err.println("ingest: " + explain(notStarted, serverBolt.get()));
			return 1;
		}
	}

	/**
	 * The command's embedded database listens on a free port of the kernel's choosing,
	 * never on the configured one: that port belongs to the server (which may be running,
	 * on another data directory) or to another program (a Neo4j Desktop). The command's
	 * own driver is told the port the database bound; nothing else needs it. Set with the
	 * highest precedence, above arguments and environment variables.
	 * @param serverBolt gets the configured Bolt URI, the server's, for the advice when
	 * the data directory is locked
	 */
	private static ApplicationContextInitializer<ConfigurableApplicationContext> ownBoltPort(
			AtomicReference<String> serverBolt) {
		return context -> {
			ConfigurableEnvironment environment = context.getEnvironment();
			serverBolt.set("bolt://" + environment.getProperty(BOLT_ADDRESS, "127.0.0.1") + ":"
					+ environment.getProperty(BOLT_PORT, "7687"));
			environment.getPropertySources().addFirst(new MapPropertySource("ingestCommand", Map.of(BOLT_PORT, "0")));
		};
	}

	private static @Nullable EmbeddedNeo4jStartException startFailure(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof EmbeddedNeo4jStartException start) {
				return start;
			}
		}
		return null;
	}

	/**
	 * What to tell the user when the embedded database did not start; above all when the
	 * server is running on the same data directory, where the answer is to go through the
	 * server.
	 */
	static String explain(EmbeddedNeo4jStartException ex, String serverBolt) {
		if (!ex.isLocked()) {
			return ex.getMessage();
		}
		Path directory = ex.getDataDirectory();
		return """
				the data directory %1$s is in use by a running policy-graph server (or another Neo4j): \
				its store lock is held, so this command cannot open the database. Either
				  - send the articles to the running server: its ingestArticles GraphQL mutation takes up to \
				1,000 articles per call, with the editor's credentials;
				  - or write into the server's database over Bolt, with the password it keeps in the data directory:
				      NEO4J_URI=%2$s NEO4J_USERNAME=%3$s NEO4J_PASSWORD="$(cat %4$s)" java -jar policy-graph.jar ingest ...
				  - or stop the server and run this command again."""
			.formatted(directory, serverBolt, EmbeddedNeo4jPassword.USER,
					directory.resolve(EmbeddedNeo4jPassword.FILE_NAME));
	}

	private static long totalBytes(List<Path> paths) {
		long total = 0;
		for (Path path : paths) {
			try (Stream<Path> files = Files.walk(path)) {
				total += files.filter(Files::isRegularFile).mapToLong(IngestCommand::size).sum();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return total;
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/**
	 * The parsed command line.
	 *
	 * @param paths the inputs
	 * @param urls the http(s) URLs to fetch and ingest
	 * @param stdin whether to read standard input
	 * @param options the ingest options
	 * @param springArgs {@code --spring…} and other application properties, passed on
	 * @param help whether help was asked for
	 * @param bulk whether to load through the bulk importer
	 */
	record Arguments(List<Path> paths, List<String> urls, boolean stdin, IngestOptions options, List<String> springArgs,
			boolean help, boolean bulk) {

		static Arguments parse(String[] args) {
			List<Path> paths = new ArrayList<>();
			List<String> urls = new ArrayList<>();
			List<String> spring = new ArrayList<>();
			boolean stdin = false;
			boolean dryRun = false;
			boolean help = false;
			boolean bulk = false;
			SourceFormat format = null;
			int batchSize = IngestOptions.DEFAULT_BATCH_SIZE;
			for (String arg : args) {
				if (arg.equals("-")) {
					stdin = true;
				}
				else if (arg.equals("--help") || arg.equals("-h")) {
					help = true;
				}
				else if (arg.equals("--dry-run")) {
					dryRun = true;
				}
				else if (arg.equals("--bulk")) {
					bulk = true;
				}
				else if (arg.startsWith("--format=")) {
					String value = arg.substring("--format=".length()).toUpperCase(Locale.ROOT);
					try {
						format = SourceFormat.valueOf(value);
					}
					catch (IllegalArgumentException ex) {
						throw new IllegalArgumentException("unknown format '" + value.toLowerCase(Locale.ROOT)
								+ "' (expected listing, json, ndjson, html or feed)");
					}
				}
				else if (arg.startsWith("--batch-size=")) {
					try {
						batchSize = Integer.parseInt(arg.substring("--batch-size=".length()));
					}
					catch (NumberFormatException ex) {
						throw new IllegalArgumentException("--batch-size needs a number: " + arg);
					}
				}
				else if (arg.startsWith("--") && arg.contains("=")) {
					spring.add(arg);
				}
				else if (arg.startsWith("-")) {
					throw new IllegalArgumentException("unknown option " + arg);
				}
				else if (arg.regionMatches(true, 0, "http://", 0, 7) || arg.regionMatches(true, 0, "https://", 0, 8)) {
					urls.add(arg);
				}
				else {
					paths.add(Path.of(arg));
				}
			}
			if (!help && paths.isEmpty() && urls.isEmpty() && !stdin) {
				throw new IllegalArgumentException("no input: name files, directories, URLs or '-'");
			}
			if (!urls.isEmpty() && (stdin || !paths.isEmpty())) {
				throw new IllegalArgumentException("URLs cannot be combined with files or '-'");
			}
			if (!urls.isEmpty() && bulk) {
				throw new IllegalArgumentException("--bulk reads files only, not URLs");
			}
			if (stdin && !paths.isEmpty()) {
				throw new IllegalArgumentException("'-' (standard input) cannot be combined with files");
			}
			if (bulk && dryRun) {
				throw new IllegalArgumentException("--bulk and --dry-run cannot be combined");
			}
			return new Arguments(paths, urls, stdin, new IngestOptions(format, dryRun, batchSize), spring, help, bulk);
		}

	}

}
