package org.policygraph.search;

import java.text.Normalizer;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SnippetsTests {

	@Test
	void shouldMarkWordsMatchedWithoutDiacriticsKeepingTheOriginal() {
		assertThat(Snippets.of(List.of("Tỉnh Đắk Lắk và Đăk Lăk"), List.of("dak", "lak")))
			.isEqualTo("Tỉnh <mark>Đắk</mark> <mark>Lắk</mark> và <mark>Đăk</mark> <mark>Lăk</mark>");
	}

	@Test
	void shouldMatchWholeWordsOnly() {
		assertThat(Snippets.of(List.of("Đắklắk, Dak"), List.of("dak"))).isEqualTo("Đắklắk, <mark>Dak</mark>");
	}

	@Test
	void shouldEscapeHtmlOutsideTheMarks() {
		assertThat(Snippets.of(List.of("<b>Nghị quyết</b> & \"22\""), List.of("nghi", "22")))
			.isEqualTo("&lt;b&gt;<mark>Nghị</mark> quyết&lt;/b&gt; &amp; &quot;<mark>22</mark>&quot;");
	}

	@Test
	void shouldKeepCombiningMarksOfDecomposedTextInsideTheMark() {
		String nfd = Normalizer.normalize("Khánh Hòa", Normalizer.Form.NFD);
		assertThat(Snippets.of(List.of(nfd), List.of("hoa")))
			.isEqualTo(nfd.replace(Normalizer.normalize("Hòa", Normalizer.Form.NFD),
					"<mark>" + Normalizer.normalize("Hòa", Normalizer.Form.NFD) + "</mark>"));
	}

	@Test
	void shouldCutAboutTwoHundredCharactersAroundTheFirstMatch() {
		String text = "Mở đầu. ".repeat(40) + "Thực hiện Nghị quyết số 22-NQ/TW của Trung ương. "
				+ "Kết thúc. ".repeat(40);
		String snippet = Snippets.of(List.of(text), List.of("nghi", "quyet", "22"));
		assertThat(snippet).startsWith("…")
			.endsWith("…")
			.contains("<mark>Nghị</mark> <mark>quyết</mark> số <mark>22</mark>-NQ/TW");
		assertThat(snippet.replaceAll("</?mark>", "").length()).isBetween(150, 210);
	}

	@Test
	void shouldPreferTheFieldMatchingMostWords() {
		assertThat(Snippets.of(List.of("Nghị quyết số 5", "Nghị quyết số 22"), List.of("nghi", "quyet", "22")))
			.isEqualTo("<mark>Nghị</mark> <mark>quyết</mark> số <mark>22</mark>");
	}

	@Test
	void shouldFallBackToTheStartOfTheFirstField() {
		assertThat(Snippets.of(List.of("", "Không khớp"), List.of("xyz"))).isEqualTo("Không khớp");
	}

}
