package org.policygraph.support;

import java.util.Map;

import org.neo4j.driver.Driver;

/**
 * Removes what a test ingested: its articles (recognized by a URL prefix of its own),
 * their evidence, and the documents and bodies no article mentions any more. The sample
 * articles and the reference data stay.
 */
public final class TestArticles {

	private TestArticles() {
	}

	/**
	 * @param driver a driver to the test database
	 * @param urlPrefix the prefix of every URL the test used
	 */
	public static void remove(Driver driver, String urlPrefix) {
		try (var session = driver.session()) {
			session.run("""
					MATCH (a:Article) WHERE a.url STARTS WITH $prefix
					OPTIONAL MATCH (a)-[:ASSERTS]->(e:Evidence)
					DETACH DELETE a, e""", Map.of("prefix", urlPrefix)).consume();
			session.run("""
					MATCH (x:Entity) WHERE (x:Document OR x:PartyBody) AND x.reference IS NULL
					  AND NOT EXISTS { (x)<-[:MENTIONS]-(:Article) }
					DETACH DELETE x""").consume();
		}
	}

}
