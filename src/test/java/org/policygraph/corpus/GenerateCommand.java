package org.policygraph.corpus;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

import org.policygraph.reference.PartyBodyCatalog;
import org.policygraph.reference.ProvinceGazetteer;

/**
 * The {@code generate} command line:
 * {@code scripts/generate-corpus.sh --articles=N --seed=S --out=corpus.ndjson}. Writes
 * the corpus and {@code corpus.truth.ndjson} next to it, without starting the
 * application. Exit status {@code 0} on success, {@code 1} on an I/O error, {@code 2} on
 * a usage error.
 */
public final class GenerateCommand {

	static final String USAGE = """
			Usage: scripts/generate-corpus.sh --articles=N [--seed=S] [--out=FILE]
			  Writes N synthetic articles as NDJSON (default target/corpus/corpus.ndjson) and their
			  truth (provinces, documents, IMPLEMENTS and ISSUED_BY pairs) as FILE's name + .truth.ndjson.
			  The same seed (default 42) always gives the same bytes.""";

	private GenerateCommand() {
	}

	/**
	 * Runs the generator from the command line ({@code scripts/generate-corpus.sh}).
	 * @param args {@code --articles=N [--seed=S] [--out=FILE]}
	 */
	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/**
	 * Runs the command.
	 * @param args the arguments after {@code generate}
	 * @param out where the summary goes
	 * @param err where errors go
	 * @return the exit status
	 */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		long articles = -1;
		long seed = 42;
		Path file = Path.of("target", "corpus", "corpus.ndjson");
		try {
			for (String arg : args) {
				if (arg.equals("--help") || arg.equals("-h")) {
					out.println(USAGE);
					return 0;
				}
				else if (arg.startsWith("--articles=")) {
					articles = Long.parseLong(arg.substring("--articles=".length()).replace("_", ""));
				}
				else if (arg.startsWith("--seed=")) {
					seed = Long.parseLong(arg.substring("--seed=".length()));
				}
				else if (arg.startsWith("--out=")) {
					file = Path.of(arg.substring("--out=".length()));
				}
				else {
					throw new IllegalArgumentException("unknown argument " + arg);
				}
			}
			if (articles < 0) {
				throw new IllegalArgumentException("--articles=N is required");
			}
		}
		catch (NumberFormatException ex) {
			err.println("generate: not a number: " + ex.getMessage());
			err.println(USAGE);
			return 2;
		}
		catch (IllegalArgumentException ex) {
			err.println("generate: " + ex.getMessage());
			err.println(USAGE);
			return 2;
		}
		long start = System.nanoTime();
		PartyBodyCatalog.load();
		CorpusGenerator generator = new CorpusGenerator(seed, ProvinceGazetteer.load());
		try {
			generator.write(articles, file);
		}
		catch (IOException ex) {
			err.println("generate: cannot write " + file + ": " + ex.getMessage());
			return 1;
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		out.println(String.format(Locale.ROOT, "Generated %,d articles (seed %d) in %.1f s%n  corpus  %s%n  truth   %s",
				articles, seed, seconds, file, CorpusGenerator.truthPath(file)));
		return 0;
	}

}
