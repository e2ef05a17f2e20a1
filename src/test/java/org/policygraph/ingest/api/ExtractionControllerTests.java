package org.policygraph.ingest.api;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.policygraph.extraction.ArticleInput;
import org.policygraph.extraction.BodyLevel;
import org.policygraph.extraction.BodyMention;
import org.policygraph.extraction.DocumentMention;
import org.policygraph.extraction.DocumentType;
import org.policygraph.extraction.Extraction;
import org.policygraph.extraction.IssuingLevel;
import org.policygraph.extraction.NodeKind;
import org.policygraph.extraction.NodeRef;
import org.policygraph.extraction.ProvinceMention;
import org.policygraph.extraction.Relation;
import org.policygraph.extraction.RelationType;
import org.policygraph.graphql.GraphQlSliceTest;
import org.policygraph.ingest.IngestService;
import org.policygraph.ingest.read.ArticleValidator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * {@code extract} through the schema, with {@link IngestService} mocked: the input's
 * fields reach the extractor NFC-normalised (a missing text as an empty one), the
 * extraction comes back in the shape of the schema, and an article ingest would refuse (a
 * title over 1,000 characters, a text over 1 MiB of UTF-8) is refused with
 * {@code BAD_REQUEST} naming the field before anything is extracted. The query writes
 * nothing in any case: the service's write methods are never called.
 * <p>
 * Not part of the slice: security (the query has no {@code @PreAuthorize}; what HTTP
 * clients may send it, oversized requests included, is tested over HTTP in
 * {@code RequestCostAttackIT}) and the extractor itself
 * ({@code org.policygraph.extraction}'s tests).
 */
@GraphQlSliceTest(controllers = ExtractionController.class)
class ExtractionControllerTests {

	private static final Extraction FOUND = new Extraction("ha-nam",
			List.of(new ProvinceMention("ha-nam", "Hà Nam", "tỉnh Hà Nam", "Tỉnh ủy Hà Nam triển khai.")),
			List.of(new BodyMention("ha-nam/tinh-uy", "Tỉnh ủy Hà Nam", BodyLevel.PROVINCIAL, "ha-nam", "TW",
					"Tỉnh ủy Hà Nam", "Tỉnh ủy Hà Nam triển khai.")),
			List.of(new DocumentMention("NQ|18|TW|2017", "18-NQ/TW", DocumentType.RESOLUTION, "18", "TW",
					IssuingLevel.CENTRAL, "TW", LocalDate.of(2017, 10, 25), 2017, "XII", null, "sắp xếp tổ chức bộ máy",
					"Nghị quyết số 18-NQ/TW", "Tỉnh ủy Hà Nam triển khai Nghị quyết số 18-NQ/TW.", false)),
			List.of(new Relation(RelationType.IMPLEMENTS, new NodeRef(NodeKind.PROVINCE, "ha-nam"),
					new NodeRef(NodeKind.DOCUMENT, "NQ|18|TW|2017"),
					"Tỉnh ủy Hà Nam triển khai Nghị quyết số 18-NQ/TW.")));

	@Autowired
	private GraphQlTester graphQl;

	@MockitoBean
	private IngestService service;

	@Test
	void shouldPassTheArticleNormalisedAndReturnTheExtractionInTheShapeOfTheSchema() {
		given(this.service.extract(any(ArticleInput.class), any(BooleanSupplier.class))).willReturn(FOUND);
		String decomposed = Normalizer.normalize("Tỉnh ủy Hà Nam triển khai", Normalizer.Form.NFD);

		GraphQlTester.Response response = this.graphQl.documentName("extract")
			.variable("input", input(decomposed, decomposed + " Nghị quyết.", "https://example.vn/a", "2025-07-30"))
			.execute();

		ArgumentCaptor<ArticleInput> article = ArgumentCaptor.forClass(ArticleInput.class);
		then(this.service).should().extract(article.capture(), any(BooleanSupplier.class));
		assertThat(article.getValue()).isEqualTo(new ArticleInput("Tỉnh ủy Hà Nam triển khai",
				"Tỉnh ủy Hà Nam triển khai Nghị quyết.", "https://example.vn/a", LocalDate.of(2025, 7, 30), null));
		then(this.service).shouldHaveNoMoreInteractions();

		response.path("extract.articleProvinceKey").entity(String.class).isEqualTo("ha-nam");
		response.path("extract.provinces[0]")
			.entity(Map.class)
			.isEqualTo(Map.of("key", "ha-nam", "name", "Hà Nam", "surface", "tỉnh Hà Nam"));
		response.path("extract.bodies[0]")
			.entity(Map.class)
			.isEqualTo(
					Map.of("key", "ha-nam/tinh-uy", "level", "PROVINCIAL", "provinceKey", "ha-nam", "parentKey", "TW"));
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("key", "NQ|18|TW|2017");
		document.put("code", "18-NQ/TW");
		document.put("type", "RESOLUTION");
		document.put("issuedOn", "2017-10-25");
		document.put("term", "XII");
		document.put("subject", "sắp xếp tổ chức bộ máy");
		document.put("unresolved", false);
		response.path("extract.documents[0]").entity(Map.class).isEqualTo(document);
		response.path("extract.relations[0]")
			.entity(Map.class)
			.isEqualTo(Map.of("type", "IMPLEMENTS", "from", Map.of("kind", "PROVINCE", "key", "ha-nam"), "to",
					Map.of("kind", "DOCUMENT", "key", "NQ|18|TW|2017"), "sentence",
					"Tỉnh ủy Hà Nam triển khai Nghị quyết số 18-NQ/TW."));
	}

	@Test
	void shouldExtractAnArticleWithoutTextFromItsTitle() {
		given(this.service.extract(any(ArticleInput.class), any(BooleanSupplier.class))).willReturn(FOUND);

		this.graphQl.documentName("extract").variable("input", input("Tiêu đề", null, null, null)).execute();

		ArgumentCaptor<ArticleInput> article = ArgumentCaptor.forClass(ArticleInput.class);
		then(this.service).should().extract(article.capture(), any(BooleanSupplier.class));
		assertThat(article.getValue()).isEqualTo(new ArticleInput("Tiêu đề", "", null, null, null));
	}

	@Test
	void shouldTakeATitleOfExactlyTheLimit() {
		given(this.service.extract(any(ArticleInput.class), any(BooleanSupplier.class))).willReturn(FOUND);

		this.graphQl.documentName("extract")
			.variable("input", input("ệ".repeat(ArticleValidator.MAX_TITLE_CHARS), null, null, null))
			.execute()
			.errors()
			.verify();
	}

	@Test
	void shouldRefuseATitleOverTheLimitInCharactersNotBytes() {
		// 1,001 code points: surrogate pairs count once.
		String title = "𝐀".repeat(ArticleValidator.MAX_TITLE_CHARS + 1);

		assertRefused(input(title, "x", null, null), "input.title",
				"Invalid argument 'input.title': is 1001 characters; the limit is 1000");
	}

	@Test
	void shouldRefuseATextOverOneMebibyteOfUtf8() {
		// Three bytes a character: 349,526 characters are 1,048,578 bytes.
		String text = "ệ".repeat(349_526);

		assertRefused(input("Tiêu đề", text, null, null), "input.text",
				"Invalid argument 'input.text': is 1048578 bytes of UTF-8; the limit is 1048576 (1 MiB), as for ingestArticles");
	}

	@Test
	void shouldTakeATextOfExactlyOneMebibyte() {
		given(this.service.extract(any(ArticleInput.class), any(BooleanSupplier.class))).willReturn(FOUND);
		// 349,525 three-byte characters and one byte: 1,048,576 bytes.
		String text = "ệ".repeat(349_525) + "x";

		this.graphQl.documentName("extract").variable("input", input("Tiêu đề", text, null, null)).execute();

		then(this.service).should().extract(any(ArticleInput.class), any(BooleanSupplier.class));
	}

	@Test
	void shouldRefuseABlankTitleAsIngestWould() {
		assertRefused(input(" \t\u00a0\n ", "Tỉnh ủy Hà Nam triển khai Nghị quyết số 18-NQ/TW.", null, null),
				"input.title", "Invalid argument 'input.title': is blank; ingest refuses an article without a title");
	}

	@Test
	void shouldRefuseAnInputWithoutATitleInTheSchema() {
		this.graphQl.documentName("extract")
			.variable("input", input(null, "x", null, null))
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getMessage()).contains("title")));
		then(this.service).shouldHaveNoInteractions();
	}

	private void assertRefused(Map<String, Object> input, String argument, String message) {
		this.graphQl.documentName("extract")
			.variable("input", input)
			.execute()
			.errors()
			.satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
				assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
				assertThat(error.getMessage()).isEqualTo(message);
				assertThat(error.getExtensions()).containsEntry("argument", argument);
				assertThat(error.getPath()).isEqualTo("extract");
			}));
		then(this.service).shouldHaveNoInteractions();
	}

	private static Map<String, Object> input(String title, String text, String url, String publishedAt) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("title", title);
		input.put("text", text);
		input.put("url", url);
		input.put("publishedAt", publishedAt);
		return input;
	}

}
