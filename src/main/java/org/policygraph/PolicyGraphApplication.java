package org.policygraph;

import java.util.Arrays;

import org.policygraph.ingest.cli.IngestCommand;
import org.policygraph.security.HashPasswordCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * policy-graph: a GraphQL knowledge graph of Vietnamese party-building news. Without
 * arguments it serves the API; {@code ingest …} runs the ingest command line instead, and
 * {@code hash-password} prints the bcrypt hash of a password read from standard input.
 * (The synthetic corpus generator is test code, run by
 * {@code scripts/generate-corpus.sh}.)
 */
@SpringBootApplication
public class PolicyGraphApplication {

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("ingest")) {
			System.exit(IngestCommand.run(Arrays.copyOfRange(args, 1, args.length), PolicyGraphApplication.class));
		}
		if (args.length > 0 && args[0].equals("generate")) {
			// Not a server argument: say where the generator went instead of starting the
			// server.
			System.err.println("generate is not part of the application jar: run scripts/generate-corpus.sh "
					+ String.join(" ", Arrays.copyOfRange(args, 1, args.length)) + " in the source tree");
			System.exit(2);
		}
		if (args.length > 0 && args[0].equals("hash-password")) {
			System.exit(HashPasswordCommand.run(Arrays.copyOfRange(args, 1, args.length), System.console(), System.in,
					System.out, System.err));
		}
		SpringApplication.run(PolicyGraphApplication.class, args);
	}

}
