package org.policygraph.export;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cells that a spreadsheet would run as formulas come out as text.
 */
class CsvRowsTests {

	@ParameterizedTest
	@ValueSource(strings = { "=HYPERLINK(\"https://evil.example/\",\"Xem\")", "+1+cmd|' /C calc'!A0", "-2+3",
			"@SUM(A1:A2)", "\t=1+1", "\r=1+1" })
	void shouldPrefixAQuoteToACellThatStartsAFormula(String cell) {
		List<String[]> rows = roundTrip(List.of(cell, "ok"));

		assertThat(rows.get(0)).containsExactly("'" + cell, "ok");
	}

	@Test
	void shouldLeaveOtherCellsAndNumbersAlone() {
		List<String[]> rows = roundTrip(List.of("Nghệ An thực hiện Chỉ thị số 975-CT/TW", "a=b", " =x", "", 42, -1));

		assertThat(rows.get(0)).containsExactly("Nghệ An thực hiện Chỉ thị số 975-CT/TW", "a=b", " =x", "", "42", "-1");
	}

	private static List<String[]> roundTrip(List<?> cells) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (CsvRows csv = new CsvRows(out)) {
			csv.row(cells);
		}
		String text = out.toString(StandardCharsets.UTF_8).substring(1);
		List<String[]> rows = new ArrayList<>();
		CsvMapper.builder()
			.enable(CsvReadFeature.WRAP_AS_ARRAY)
			.build()
			.readerFor(String[].class)
			.<String[]>readValues(text)
			.forEachRemaining(rows::add);
		return rows;
	}

}
