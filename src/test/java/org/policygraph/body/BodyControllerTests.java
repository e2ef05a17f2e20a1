package org.policygraph.body;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.policygraph.graph.GraphLookups;
import org.policygraph.graph.PartyBody;
import org.policygraph.graphql.GraphQlSliceTest;
import org.policygraph.reference.PartyBodyCatalog;
import org.policygraph.reference.ReferenceBeans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/**
 * {@code partyBody} through the schema, with the real catalogue and the queries mocked: a
 * key is tried first, then any spelling the catalogue knows (an abbreviation finds the
 * central body's key), then the name; the parent and children come back with the body.
 */
@GraphQlSliceTest(controllers = BodyController.class)
@Import(ReferenceBeans.class)
class BodyControllerTests {

	private static final String BODY = """
			query body($name: String!) {
			  partyBody(name: $name) { key name level parent { key } children { key name } }
			}""";

	@Autowired
	private GraphQlTester graphQl;

	@Autowired
	private PartyBodyCatalog catalog;

	@MockitoBean
	private BodyQueries queries;

	@MockitoBean
	private GraphLookups lookups;

	@Test
	void shouldFindABodyByKeyWithItsParentAndChildren() {
		PartyBody body = new PartyBody("40/tinh-uy", "Tỉnh ủy Nghệ An", "PROVINCIAL", "40");
		given(this.queries.byKey("40/tinh-uy")).willReturn(Optional.of(body));
		given(this.queries.parents(List.of("40/tinh-uy"))).willReturn(Map.of());
		given(this.queries.children(List.of("40/tinh-uy"))).willReturn(Map.of("40/tinh-uy",
				List.of(new PartyBody("40/ban-to-chuc", "Ban Tổ chức Tỉnh ủy Nghệ An", "PROVINCIAL", "40"))));

		GraphQlTester.Response response = this.graphQl.document(BODY).variable("name", "40/tinh-uy").execute();

		response.path("partyBody.name").entity(String.class).isEqualTo("Tỉnh ủy Nghệ An");
		response.path("partyBody.parent").valueIsNull();
		response.path("partyBody.children[0].key").entity(String.class).isEqualTo("40/ban-to-chuc");
		then(this.queries).should(never()).byName(anyString());
	}

	@Test
	void shouldFindACentralBodyByAnAbbreviation() {
		String key = this.catalog.lookup("Ban Tổ chức Trung ương").orElseThrow().key();
		given(this.queries.byKey(key))
			.willReturn(Optional.of(new PartyBody(key, "Ban Tổ chức Trung ương", "CENTRAL", null)));

		this.graphQl.document(BODY)
			.variable("name", "BTC TW")
			.execute()
			.path("partyBody.key")
			.entity(String.class)
			.isEqualTo(key);
		then(this.queries).should().byKey("BTC TW");
		then(this.queries).should(never()).byName(anyString());
	}

	@Test
	void shouldFallBackToTheNameAndAnswerNullWhenNothingFits() {
		this.graphQl.document(BODY).variable("name", "Ban Không Có").execute().path("partyBody").valueIsNull();

		then(this.queries).should().byName("Ban Không Có");
	}

}
