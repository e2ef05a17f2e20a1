package org.policygraph.graphql;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code about} query: name, version and what the graph holds.
 */
@Controller
class AboutController {

	private static final String COUNTS = """
			RETURN COUNT { (:Article) } AS articles, COUNT { (:Document) } AS documents,
			       COUNT { (:Province) } AS provinces, COUNT { (:PartyBody) } AS bodies""";

	private final Neo4jClient client;

	private final String version;

	/**
	 * @param client the database
	 * @param build the build's description ({@code META-INF/build-info.properties},
	 * written by the build); absent when running from classes an IDE compiled, then the
	 * version is {@code dev}
	 */
	AboutController(Neo4jClient client, ObjectProvider<BuildProperties> build) {
		this.client = client;
		BuildProperties properties = build.getIfAvailable();
		this.version = (properties != null && properties.getVersion() != null) ? properties.getVersion() : "dev";
	}

	@QueryMapping
	@Transactional(readOnly = true)
	About about() {
		Map<String, Object> row = this.client.query(COUNTS).fetch().one().orElseThrow();
		return new About("policy-graph", this.version, count(row, "articles"), count(row, "documents"),
				count(row, "provinces"), count(row, "bodies"));
	}

	private static int count(Map<String, Object> row, String name) {
		return ((Number) row.get(name)).intValue();
	}

	/**
	 * @param name the service name
	 * @param version the version
	 * @param articleCount articles
	 * @param documentCount documents
	 * @param provinceCount provinces
	 * @param partyBodyCount party bodies
	 */
	record About(String name, String version, int articleCount, int documentCount, int provinceCount,
			int partyBodyCount) {
	}

}
