package org.policygraph.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.policygraph.support.HarnessIntegrationTests;
import org.policygraph.support.Testers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The document list without a type, body or province filter reads the documents in the
 * order of the year index, then the undated ones by key: walked page by page, with and
 * without the filters it checks as it goes, it gives the same documents in the same order
 * as one statement sorting them all (newest year first, undated last, then by key).
 */
class DocumentListIT extends HarnessIntegrationTests {

	private static final String ALL_SORTED = """
			MATCH (d:Document)
			WHERE ($level IS NULL OR d.level = $level)
			  AND ($term IS NULL OR d.term = $term)
			  AND ($fromYear IS NULL OR d.year >= $fromYear)
			  AND ($toYear IS NULL OR d.year <= $toYear)
			RETURN d.key AS key
			ORDER BY coalesce(d.year, -1) DESC, d.key ASC""";

	@Autowired
	private Driver driver;

	private HttpGraphQlTester graphQl;

	@Autowired
	void setGraphQlTester(HttpGraphQlTester tester) {
		this.graphQl = Testers.patient(tester);
	}

	private List<String> sorted(Map<String, Object> filter) {
		return this.driver.executableQuery(ALL_SORTED)
			.withParameters(filter)
			.execute()
			.records()
			.stream()
			.map(r -> r.get("key").asString())
			.toList();
	}

	private List<String> walk(Map<String, Object> filter, int pageSize) {
		List<String> keys = new ArrayList<>();
		String after = null;
		for (int page = 0; page < 10_000; page++) {
			GraphQlTester.Request<?> request = this.graphQl.documentName("documentWalk")
				.variable("first", pageSize)
				.variable("after", after);
			for (Map.Entry<String, Object> e : filter.entrySet()) {
				request = request.variable(e.getKey(), e.getValue());
			}
			GraphQlTester.Response response = request.execute();
			keys.addAll(response.path("documents.edges[*].node.key").entityList(String.class).get());
			if (!response.path("documents.pageInfo.hasNextPage").entity(Boolean.class).get()) {
				return keys;
			}
			after = response.path("documents.pageInfo.endCursor").entity(String.class).get();
		}
		throw new AssertionError("the walk did not end");
	}

	private static Map<String, Object> filter(String level, String term, Integer fromYear, Integer toYear) {
		Map<String, Object> filter = new HashMap<>();
		filter.put("level", level);
		filter.put("term", term);
		filter.put("fromYear", fromYear);
		filter.put("toYear", toYear);
		return filter;
	}

	@Test
	void shouldWalkTheDocumentsNewestYearFirstThenTheUndatedAsOneStatementSortingThemAllWould() {
		Map<String, Object> none = filter(null, null, null, null);
		List<String> expected = sorted(none);
		long undated = this.driver.executableQuery("MATCH (d:Document) WHERE d.year IS NULL RETURN count(d) AS n")
			.execute()
			.records()
			.get(0)
			.get("n")
			.asLong();
		// The walk must cross from the dated documents into the undated ones.
		assertThat(undated).isPositive().isLessThan(expected.size());

		assertThat(walk(none, 5)).containsExactlyElementsOf(expected);
		// One per page: a page ends on the last dated document, the next holds only
		// undated ones.
		assertThat(walk(none, 1)).containsExactlyElementsOf(expected);
		assertThat(walk(none, 100)).containsExactlyElementsOf(expected);
	}

	@Test
	void shouldWalkTheFilteredListsInTheSameOrder() {
		for (Map<String, Object> filter : List.of(filter("CENTRAL", null, null, null),
				filter("PROVINCIAL", null, null, null), filter(null, null, 2018, null), filter(null, null, null, 2019),
				filter(null, null, 2015, 2020), filter("CENTRAL", null, 2016, 2024))) {
			List<String> expected = sorted(filter);

			assertThat(expected).as("documents matching %s", filter).isNotEmpty();
			assertThat(walk(filter, 3)).as("walk with %s", filter).containsExactlyElementsOf(expected);
		}
	}

}
