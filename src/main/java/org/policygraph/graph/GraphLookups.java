package org.policygraph.graph;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.neo4j.driver.Value;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Articles, documents and provinces by their identity, many in one statement: the to-one
 * fields of several packages (an article's province, an implementation's document, an
 * evidence's article) and the look-ups of research.
 */
@Repository
@Transactional(readOnly = true)
public class GraphLookups {

	private static final String ARTICLES = """
			UNWIND $keys AS id
			MATCH (a:Article {id: id})
			RETURN a AS n""";

	private static final String DOCUMENTS = """
			UNWIND $keys AS key
			MATCH (d:Document {key: key})
			RETURN d AS n""";

	private static final String PROVINCES = """
			UNWIND $keys AS key
			MATCH (p:Province {key: key})
			RETURN p AS n""";

	private final Neo4jClient client;

	GraphLookups(Neo4jClient client) {
		this.client = client;
	}

	/**
	 * @param ids article ids
	 * @return the articles that exist, by id
	 */
	public Map<String, Article> articles(Collection<String> ids) {
		return byKey(ARTICLES, ids, Article.class, Article::of, Article::id);
	}

	/**
	 * @param keys document keys
	 * @return the documents that exist, by key
	 */
	public Map<String, Document> documents(Collection<String> keys) {
		return byKey(DOCUMENTS, keys, Document.class, Document::of, Document::key);
	}

	/**
	 * @param keys province keys
	 * @return the provinces that exist, by key
	 */
	public Map<String, Province> provinces(Collection<String> keys) {
		return byKey(PROVINCES, keys, Province.class, Province::of, Province::key);
	}

	private <T> Map<String, T> byKey(String cypher, Collection<String> keys, Class<T> type, Function<Value, T> mapper,
			Function<T, String> keyOf) {
		if (keys.isEmpty()) {
			return new HashMap<>();
		}
		return this.client.query(cypher)
			.bind(List.copyOf(keys))
			.to("keys")
			.fetchAs(type)
			.mappedBy((t, r) -> mapper.apply(r.get("n")))
			.all()
			.stream()
			.collect(Collectors.toMap(keyOf, Function.identity(), (first, second) -> first, HashMap::new));
	}

}
