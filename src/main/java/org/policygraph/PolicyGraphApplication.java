package org.policygraph;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * policy-graph: a GraphQL knowledge graph of Vietnamese party-building news.
 */
@SpringBootApplication
public class PolicyGraphApplication {

	public static void main(String[] args) {
		SpringApplication.run(PolicyGraphApplication.class, args);
	}

}
