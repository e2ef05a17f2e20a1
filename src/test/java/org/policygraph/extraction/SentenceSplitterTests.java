package org.policygraph.extraction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SentenceSplitterTests {

	private final SentenceSplitter splitter = SentenceSplitter.createDefault();

	@Test
	void shouldSplitAtFullStopBeforeCapital() {
		assertThat(this.splitter.split("Tỉnh ủy họp. Ban Thường vụ kết luận.")).containsExactly("Tỉnh ủy họp.",
				"Ban Thường vụ kết luận.");
	}

	@Test
	void shouldNotSplitCityAbbreviations() {
		assertThat(this.splitter.split("Đại biểu đến từ TP. Hồ Chí Minh, Tp. Cần Thơ và TP.HCM dự họp.")).hasSize(1);
	}

	@Test
	void shouldNotSplitAcademicTitles() {
		assertThat(this.splitter.split("PGS.TS. Nguyễn Văn A và Th.S Trần B trình bày. Hội thảo kết thúc."))
			.containsExactly("PGS.TS. Nguyễn Văn A và Th.S Trần B trình bày.", "Hội thảo kết thúc.");
		assertThat(this.splitter.split("TS. Lê C phát biểu.")).hasSize(1);
	}

	@org.junit.jupiter.params.ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = { "khóa X", "khoá X", "khóa XI", "khóa V", "lần thứ X" })
	void shouldSplitAfterRomanNumeralOfTerm(String term) {
		assertThat(this.splitter.split("Tỉnh ủy thực hiện Nghị quyết số 25-NQ/TW của Bộ Chính trị " + term
				+ ". Hướng dẫn số 06-HD/BTCTU ngày 25/07/2009 của Ban Tổ chức Thành uỷ thực hiện Nghị quyết số 25-NQ/TW."))
			.hasSize(2);
	}

	@Test
	void shouldStillKeepInitialsTogether() {
		assertThat(this.splitter.split("Đồng chí Nguyễn X. Hùng phát biểu.")).hasSize(1);
	}

	@Test
	void shouldNotSplitNumbersDatesAndCodes() {
		assertThat(this.splitter.split("Toàn tỉnh có 74.600 đảng viên theo Nghị quyết ngày 10.5.2016 số 22-NQ/TW."))
			.hasSize(1);
		assertThat(this.splitter.split("Thực hiện Nghị quyết số 22-NQ/TW. ngày 2-2-2008 của Trung ương")).hasSize(1);
	}

	@Test
	void shouldSplitAfterCodeAtSentenceEnd() {
		assertThat(this.splitter.split("Tỉnh ủy quán triệt Nghị quyết số 22-NQ/TW. Sau đó, các huyện triển khai."))
			.containsExactly("Tỉnh ủy quán triệt Nghị quyết số 22-NQ/TW.", "Sau đó, các huyện triển khai.");
	}

	@Test
	void shouldNotSplitAfterEtCetera() {
		assertThat(this.splitter.split("Các tỉnh Hậu Giang, Sóc Trăng v.v. đã tham dự.")).hasSize(1);
	}

	@Test
	void shouldSplitParagraphsAndNormalize() {
		assertThat(this.splitter.split("Tỉnh uỷ họp\n\nKết luận  được ban hành")).containsExactly("Tỉnh ủy họp",
				"Kết luận được ban hành");
	}

	@Test
	void shouldSplitBeforeQuotedSentence() {
		assertThat(this.splitter.split("Đồng chí nhấn mạnh. \"Phải làm ngay\" là yêu cầu.")).hasSize(2);
	}

}
