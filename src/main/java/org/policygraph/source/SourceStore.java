package org.policygraph.source;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sources' state in the graph: a {@code :Source} node per source and a
 * {@code :SourceItem} per article URL dealt with (its validators and outcome), linked by
 * {@code LISTED}.
 */
@Repository
@Transactional
class SourceStore {

	private static final String RETURN_SOURCE = """
			RETURN s, COUNT { (s)-[:LISTED]->(:SourceItem) } AS items""";

	private static final String CONFIGURE = """
			UNWIND $rows AS row
			MERGE (s:Source {url: row.url})
			  ON CREATE SET s.addedAt = $now, s.newArticles = 0, s.lastPollNewArticles = 0, s.failures = 0,
			    s.lastStatus = 'NEVER_POLLED', s.nextPollAt = $now
			SET s.kind = row.kind, s.configured = true
			WITH collect(row.url) AS urls
			MATCH (old:Source {configured: true}) WHERE NOT old.url IN urls
			DETACH DELETE old""";

	private static final String ADD = """
			OPTIONAL MATCH (existing:Source {url: $url})
			WITH existing WHERE existing IS NULL
			CREATE (s:Source {url: $url, kind: $kind, configured: false, addedAt: $now, newArticles: 0,
			  lastPollNewArticles: 0, failures: 0, lastStatus: 'NEVER_POLLED', nextPollAt: $now})
			""" + RETURN_SOURCE;

	private static final String REMOVE = """
			MATCH (s:Source {url: $url, configured: false})
			DETACH DELETE s
			RETURN count(*) AS removed""";

	private static final String BY_URL = "MATCH (s:Source {url: $url})\n" + RETURN_SOURCE;

	private static final String PAGE = """
			MATCH (s:Source) WHERE $after IS NULL OR s.url > $after
			WITH s ORDER BY s.url LIMIT $limit
			""" + RETURN_SOURCE;

	private static final String COUNT = "MATCH (s:Source) RETURN count(s) AS total";

	private static final String DUE = """
			MATCH (s:Source) WHERE s.nextPollAt <= $now
			WITH s ORDER BY s.nextPollAt LIMIT $limit
			""" + RETURN_SOURCE;

	private static final String KNOWN_ITEMS = """
			UNWIND $urls AS url
			MATCH (i:SourceItem {url: url})
			RETURN i""";

	private static final String RECORD_POLL = """
			MATCH (s:Source {url: $url})
			SET s += $state, s.newArticles = coalesce(s.newArticles, 0) + $newArticles
			WITH s
			UNWIND $items AS item
			MERGE (i:SourceItem {url: item.url})
			SET i += item.props
			MERGE (s)-[:LISTED]->(i)""";

	private static final String RECORD_ITEMS = """
			UNWIND $items AS item
			MERGE (i:SourceItem {url: item.url})
			SET i += item.props""";

	private static final String MARK_DUE = """
			MATCH (s:Source {url: $url})
			SET s.nextPollAt = $now""";

	private final Neo4jClient client;

	SourceStore(Neo4jClient client) {
		this.client = client;
	}

	/**
	 * Makes the configured sources those of the properties: new ones added, changed kinds
	 * updated, ones no longer configured removed (their items stay known).
	 * @param configured URL → kind
	 * @param now the time
	 */
	void configure(Map<String, SourceKind> configured, OffsetDateTime now) {
		List<Map<String, Object>> rows = configured.entrySet()
			.stream()
			.map(e -> Map.<String, Object>of("url", e.getKey(), "kind", e.getValue().name()))
			.toList();
		this.client.query(CONFIGURE).bind(rows).to("rows").bind(now).to("now").run();
	}

	/**
	 * @return the new source, or empty when the URL is already a source
	 */
	Optional<Source> add(String url, SourceKind kind, OffsetDateTime now) {
		return this.client.query(ADD)
			.bindAll(Map.of("url", url, "kind", kind.name(), "now", now))
			.fetchAs(Source.class)
			.mappedBy((t, r) -> map(r.get("s"), r.get("items").asLong()))
			.one();
	}

	/**
	 * @return whether a source added through the API was removed
	 */
	boolean remove(String url) {
		return this.client.query(REMOVE)
			.bind(url)
			.to("url")
			.fetchAs(Long.class)
			.mappedBy((t, r) -> r.get("removed").asLong())
			.one()
			.orElse(0L) > 0;
	}

	@Transactional(readOnly = true)
	Optional<Source> byUrl(String url) {
		return this.client.query(BY_URL)
			.bind(url)
			.to("url")
			.fetchAs(Source.class)
			.mappedBy((t, r) -> map(r.get("s"), r.get("items").asLong()))
			.one();
	}

	/**
	 * @param after the URL after which the page starts, or {@code null}
	 * @param limit how many
	 * @return sources in URL order
	 */
	@Transactional(readOnly = true)
	List<Source> page(@Nullable String after, int limit) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("after", after);
		parameters.put("limit", limit);
		return List.copyOf(this.client.query(PAGE)
			.bindAll(parameters)
			.fetchAs(Source.class)
			.mappedBy((t, r) -> map(r.get("s"), r.get("items").asLong()))
			.all());
	}

	@Transactional(readOnly = true)
	long count() {
		return this.client.query(COUNT)
			.fetchAs(Long.class)
			.mappedBy((t, r) -> r.get("total").asLong())
			.one()
			.orElse(0L);
	}

	/**
	 * @return the sources whose next poll is due, earliest first
	 */
	@Transactional(readOnly = true)
	List<Source> due(OffsetDateTime now, int limit) {
		return List.copyOf(this.client.query(DUE)
			.bindAll(Map.of("now", now, "limit", limit))
			.fetchAs(Source.class)
			.mappedBy((t, r) -> map(r.get("s"), r.get("items").asLong()))
			.all());
	}

	/**
	 * @param urls item URLs
	 * @return those already dealt with, by URL
	 */
	@Transactional(readOnly = true)
	Map<String, ItemState> known(Collection<String> urls) {
		Map<String, ItemState> known = new HashMap<>();
		if (urls.isEmpty()) {
			return known;
		}
		this.client.query(KNOWN_ITEMS)
			.bind(List.copyOf(urls))
			.to("urls")
			.fetchAs(ItemState.class)
			.mappedBy((t, r) -> itemState(r.get("i")))
			.all()
			.forEach(item -> known.put(item.url(), item));
		return known;
	}

	/**
	 * Writes a poll's outcome in one transaction: the source's new state and the items it
	 * dealt with.
	 * @param url the source
	 * @param state the source's properties to set ({@code null} values remove them)
	 * @param newArticles articles new to the graph to add to its count
	 * @param items the items dealt with
	 */
	void recordPoll(String url, Map<String, @Nullable Object> state, long newArticles, List<ItemState> items) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("url", url);
		parameters.put("state", state);
		parameters.put("newArticles", newArticles);
		parameters.put("items", items.stream().map(ItemState::row).toList());
		this.client.query(RECORD_POLL).bindAll(parameters).run();
	}

	/**
	 * Records items dealt with outside a source (the command line).
	 * @param items the items
	 */
	void recordItems(List<ItemState> items) {
		if (!items.isEmpty()) {
			this.client.query(RECORD_ITEMS).bind(items.stream().map(ItemState::row).toList()).to("items").run();
		}
	}

	/**
	 * Makes a source due now.
	 */
	void markDue(String url, OffsetDateTime now) {
		this.client.query(MARK_DUE).bindAll(Map.of("url", url, "now", now)).run();
	}

	static Source map(Value s, long items) {
		return new Source(s.get("url").asString(), SourceKind.valueOf(s.get("kind").asString()),
				s.get("configured").asBoolean(false), s.get("addedAt").asOffsetDateTime(),
				s.get("lastFetchedAt").isNull() ? null : s.get("lastFetchedAt").asOffsetDateTime(),
				SourceStatus.valueOf(s.get("lastStatus").asString(SourceStatus.NEVER_POLLED.name())),
				s.get("lastHttpStatus").isNull() ? null : s.get("lastHttpStatus").asInt(),
				s.get("lastError").asString(null), s.get("newArticles").asLong(0),
				s.get("lastPollNewArticles").asLong(0), s.get("failures").asInt(0),
				s.get("nextPollAt").isNull() ? null : s.get("nextPollAt").asOffsetDateTime(), items,
				new Validators(s.get("etag").asString(null), s.get("lastModified").asString(null)));
	}

	private static ItemState itemState(Value i) {
		return new ItemState(i.get("url").asString(), i.get("etag").asString(null),
				i.get("lastModified").asString(null),
				i.get("lastmod").isNull() ? null : i.get("lastmod").asOffsetDateTime(),
				i.get("fetchedAt").asOffsetDateTime(), i.get("outcome").asString(""));
	}

	/**
	 * An article URL a source listed and the poller dealt with.
	 *
	 * @param url the article URL as listed
	 * @param etag the page's ETag, when it was fetched
	 * @param lastModified the page's Last-Modified, when it was fetched
	 * @param lastmod the sitemap's {@code lastmod} for it, if any
	 * @param fetchedAt when it was dealt with
	 * @param outcome what became of it: an ingest status ({@code NEW}, {@code UNCHANGED}
	 * …), {@code NOT_MODIFIED}, or a failure reason that will not change by asking again
	 */
	record ItemState(String url, @Nullable String etag, @Nullable String lastModified, @Nullable OffsetDateTime lastmod,
			OffsetDateTime fetchedAt, String outcome) {

		Validators validators() {
			return new Validators(this.etag, this.lastModified);
		}

		Map<String, Object> row() {
			Map<String, @Nullable Object> props = new HashMap<>();
			props.put("etag", this.etag);
			props.put("lastModified", this.lastModified);
			props.put("lastmod", this.lastmod);
			props.put("fetchedAt", this.fetchedAt);
			props.put("outcome", this.outcome);
			return Map.of("url", this.url, "props", props);
		}

	}

}
