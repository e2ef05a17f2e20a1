package org.policygraph.extraction;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The extractor asks between sentences whether to go on, and stops as soon as it is told
 * to.
 */
class ExtractorCancellationTests {

	private static final Extractor extractor = Extractor.createDefault();

	private static ArticleInput longArticle(int sentences) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < sentences; i++) {
			text.append("Tỉnh ủy Nghệ An ban hành Kế hoạch số ")
				.append(100 + i)
				.append("-KH/TU thực hiện Nghị quyết số 21-NQ/TW của Ban Chấp hành Trung ương. ");
		}
		return new ArticleInput("Nghệ An triển khai Nghị quyết 21", text.toString(), null, LocalDate.of(2023, 5, 1),
				null);
	}

	@Test
	void shouldStopBetweenSentencesOnceTold() {
		AtomicInteger asked = new AtomicInteger();

		assertThatExceptionOfType(ExtractionCancelledException.class)
			.isThrownBy(() -> extractor.extract(longArticle(500), () -> asked.incrementAndGet() > 10))
			.withMessageContaining("request's time ran out");
		assertThat(asked.get()).isEqualTo(11);
	}

	@Test
	void shouldExtractTheWholeArticleWhenNotTold() {
		AtomicInteger asked = new AtomicInteger();

		Extraction extraction = extractor.extract(longArticle(50), () -> {
			asked.incrementAndGet();
			return false;
		});

		assertThat(asked.get()).isGreaterThanOrEqualTo(50);
		assertThat(extraction.documents()).isNotEmpty();
	}

}
