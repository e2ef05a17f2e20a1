package org.policygraph.province;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.policygraph.graph.GraphLookups;
import org.policygraph.graph.Province;
import org.policygraph.graphql.GraphQlSliceTest;
import org.policygraph.reference.ReferenceBeans;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;

/**
 * {@code provinces} and {@code province} through the schema, with the real gazetteer and
 * the queries mocked: an era takes the units that lived through it, a name is looked up
 * as of a day (a former name finds the unit), an unknown name answers null without a
 * query, and the merged units of a whole list are read in one query each (batched, not
 * one per province).
 */
@GraphQlSliceTest(controllers = ProvinceController.class)
@Import(ReferenceBeans.class)
class ProvinceControllerTests {

	private static final Province HUE = new Province("46", "Huế", "46", "city", "BOTH", List.of(), null);

	private static final Province DONG_NAI = new Province("75", "Đồng Nai", "75", "province", "PRE_2025", List.of(),
			"75-2025");

	private static final Province BINH_PHUOC = new Province("70", "Bình Phước", "70", "province", "PRE_2025", List.of(),
			"75-2025");

	private static final Province DONG_NAI_2025 = new Province("75-2025", "Đồng Nai", null, "province", "POST_2025",
			List.of(), null);

	@Autowired
	private GraphQlTester graphQl;

	@MockitoBean
	private ProvinceQueries queries;

	@MockitoBean
	private GraphLookups lookups;

	@Test
	void shouldListTheUnitsThatLivedThroughAnEra() {
		given(this.queries.all(List.of("PRE_2025", "BOTH"), null, null)).willReturn(List.of(HUE, DONG_NAI));

		this.graphQl.documentName("provinces")
			.variable("era", "PRE_2025")
			.execute()
			.path("provinces[*].key")
			.entityList(String.class)
			.containsExactly("46", "75");
	}

	@Test
	void shouldListTheUnchangedUnitsAlone() {
		given(this.queries.all(List.of("BOTH"), true, null)).willReturn(List.of(HUE));

		this.graphQl.documentName("provinces")
			.variable("era", "BOTH")
			.variable("merged", true)
			.execute()
			.path("provinces[0].era")
			.entity(String.class)
			.isEqualTo("BOTH");
	}

	@Test
	void shouldFindAUnitByItsFormerNameAsOfADay() {
		given(this.queries.byKey("46")).willReturn(Optional.of(HUE));

		this.graphQl.documentName("provinceByName")
			.variable("name", "Thừa Thiên Huế")
			.variable("asOf", "2024-06-01")
			.execute()
			.path("province.name")
			.entity(String.class)
			.isEqualTo("Huế");
		this.graphQl.documentName("provinceByName")
			.variable("name", "tp. huế")
			.execute()
			.path("province.key")
			.entity(String.class)
			.isEqualTo("46");
	}

	@Test
	void shouldAnswerNullForAnUnknownNameWithoutAQuery() {
		this.graphQl.documentName("provinceByName")
			.variable("name", "Atlantis")
			.execute()
			.path("province")
			.valueIsNull();

		then(this.queries).should(never()).byKey(anyString());
	}

	@Test
	void shouldReadTheMergersOfAWholeListInOneQueryEach() {
		given(this.queries.all(List.of("PRE_2025", "BOTH"), true, null)).willReturn(List.of(DONG_NAI, BINH_PHUOC));
		given(this.lookups.provinces(List.of("75-2025"))).willReturn(Map.of("75-2025", DONG_NAI_2025));
		given(this.queries.mergedFrom(List.of("75", "70"))).willReturn(Map.of());

		GraphQlTester.Response response = this.graphQl.document("""
				{ provinces(era: PRE_2025, merged: true) { key mergedInto { key era } mergedFrom { key } } }""")
			.execute();

		response.path("provinces[*].mergedInto.key").entityList(String.class).containsExactly("75-2025", "75-2025");
		response.path("provinces[0].mergedFrom").entityList(Object.class).hasSize(0);
		then(this.lookups).should(times(1)).provinces(List.of("75-2025"));
		then(this.queries).should(times(1)).mergedFrom(List.of("75", "70"));
	}

	@Test
	void shouldRefuseAnUnknownEraBeforeAnyQuery() {
		this.graphQl.documentName("provinces")
			.variable("era", "FUTURE")
			.execute()
			.errors()
			.satisfy(errors -> org.assertj.core.api.Assertions.assertThat(errors)
				.singleElement()
				.satisfies(error -> org.assertj.core.api.Assertions.assertThat(error.getErrorType())
					.isEqualTo(graphql.ErrorType.ValidationError)));
		then(this.queries).shouldHaveNoInteractions();
	}

}
