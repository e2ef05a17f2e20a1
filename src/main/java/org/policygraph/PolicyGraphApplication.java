package org.policygraph;

import java.util.Arrays;

import org.policygraph.corpus.GenerateCommand;
import org.policygraph.ingest.cli.IngestCommand;
import org.policygraph.security.HashPasswordCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * policy-graph: a GraphQL knowledge graph of Vietnamese party-building news. Without arguments
 * it serves the API; {@code ingest …} runs the ingest command line instead, and {@code generate …}
 * writes a synthetic corpus without starting Spring, and {@code hash-password} prints the bcrypt
 * hash of a password read from standard input.
 */
@SpringBootApplication
public class PolicyGraphApplication {

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("ingest")) {
			System.exit(IngestCommand.run(Arrays.copyOfRange(args, 1, args.length), PolicyGraphApplication.class));
		}
		if (args.length > 0 && args[0].equals("generate")) {
			System.exit(GenerateCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
		}
		if (args.length > 0 && args[0].equals("hash-password")) {
			System.exit(HashPasswordCommand.run(Arrays.copyOfRange(args, 1, args.length), System.console(), System.in,
					System.out, System.err));
		}
		SpringApplication.run(PolicyGraphApplication.class, args);
	}

}
