package org.policygraph.reference;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTests {

	@ParameterizedTest
	@CsvSource({ "Hoà, Hòa", "Thanh Hoá, Thanh Hóa", "Khánh Hoà, Khánh Hòa", "khoá, khóa", "Tỉnh uỷ, Tỉnh ủy",
			"khoẻ, khỏe", "thuỵ, thụy", "HOÀ, HÒA", "toạ đàm, tọa đàm" })
	void shouldUnifyToneMarkPlacementInOpenDiphthongs(String newStyle, String oldStyle) {
		assertThat(TextNormalizer.nfc(newStyle)).isEqualTo(TextNormalizer.nfc(oldStyle)).isEqualTo(oldStyle);
	}

	@ParameterizedTest
	@CsvSource({ "hoàn thành", "toán học", "quý", "quỹ", "thuyết", "hoặc", "khuyến khích" })
	void shouldLeaveClosedSyllablesAndQuAlone(String word) {
		assertThat(TextNormalizer.nfc(word)).isEqualTo(word);
	}

	@Test
	void shouldComposeNfdInput() {
		String nfd = Normalizer.normalize("Đắk Lắk", Normalizer.Form.NFD);
		assertThat(nfd).isNotEqualTo("Đắk Lắk");
		assertThat(TextNormalizer.nfc(nfd)).isEqualTo("Đắk Lắk");
	}

	@Test
	void shouldMoveToneInNfdInputToo() {
		String nfd = Normalizer.normalize("Hoà Bình", Normalizer.Form.NFD);
		assertThat(TextNormalizer.nfc(nfd)).isEqualTo("Hòa Bình");
	}

	@Test
	void shouldUnifyDashesQuotesAndEth() {
		assertThat(TextNormalizer.nfc("22 – NQ/TW — “Về” «x» Ðể ðó")).isEqualTo("22 - NQ/TW - \"Về\" \"x\" Để đó");
		assertThat(TextNormalizer.nfc("a\u2011b")).isEqualTo("a-b");
	}

	@Test
	void shouldCollapseWhitespaceAndTrim() {
		assertThat(TextNormalizer.nfc("  Ban \u00A0 Bí\tthư\n\n khóa XII ")).isEqualTo("Ban Bí thư khóa XII");
		assertThat(TextNormalizer.nfc(null)).isEmpty();
	}

	@Test
	void shouldFoldDiacriticsAndCase() {
		assertThat(TextNormalizer.fold("Đắk Lắk")).isEqualTo("dak lak");
		assertThat(TextNormalizer.fold("ĐĂK LĂK")).isEqualTo("dak lak");
		assertThat(TextNormalizer.fold("Thừa Thiên – Huế")).isEqualTo("thua thien - hue");
		assertThat(TextNormalizer.fold("Khánh Hoà")).isEqualTo(TextNormalizer.fold("Khánh Hòa"));
	}

	@Test
	void shouldFoldKeepingLengthOfNormalizedText() {
		String text = TextNormalizer.nfc("Ban Thường vụ Tỉnh ủy Đắk Lắk");
		String folded = TextNormalizer.foldSameLength(text);
		assertThat(folded).hasSameSizeAs(text).isEqualTo("ban thuong vu tinh uy dak lak");
	}

	@Test
	void shouldSlugNames() {
		assertThat(TextNormalizer.slug("Ban Thường vụ Tỉnh ủy")).isEqualTo("ban-thuong-vu-tinh-uy");
		assertThat(TextNormalizer.slug(" Bà Rịa – Vũng Tàu ")).isEqualTo("ba-ria-vung-tau");
		assertThat(TextNormalizer.slug("Ban Chính sách, chiến lược Trung ương"))
			.isEqualTo("ban-chinh-sach-chien-luoc-trung-uong");
	}

}
