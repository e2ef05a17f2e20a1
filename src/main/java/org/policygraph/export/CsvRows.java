package org.policygraph.export;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Writes CSV rows (RFC 4180 quoting by Jackson's CSV module) to a stream in UTF-8,
 * preceded by a byte order mark so that spreadsheet programs read Vietnamese correctly.
 * Rows are buffered, not flushed one by one; {@link #close()} flushes.
 * <p>
 * Text cells are defused against formula injection (OWASP, "CSV Injection"): a cell
 * starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return,
 * which a spreadsheet would run as a formula (an article title {@code =HYPERLINK(...)}
 * from a hostile page), gets a single quote in front, so it is shown as the text it is.
 * Numbers are written as numbers.
 */
final class CsvRows implements AutoCloseable {

	/** The byte order mark, U+FEFF. */
	static final char BOM = '\uFEFF';

	private static final CsvMapper MAPPER = CsvMapper.builder().build();

	private final Writer out;

	private final SequenceWriter rows;

	CsvRows(OutputStream stream) {
		this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
		try {
			this.out.write(BOM);
		}
		catch (java.io.IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.rows = MAPPER.writerFor(List.class)
			.with(CsvSchema.emptySchema())
			.without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
			.writeValues(this.out);
	}

	/**
	 * @param cells one row's cells; {@code null} is written as an empty cell
	 */
	void row(List<?> cells) {
		this.rows.write(cells.stream().map(CsvRows::defused).toList());
	}

	/**
	 * A text cell that a spreadsheet will not take for a formula; other values unchanged.
	 */
	static Object defused(Object cell) {
		if (cell instanceof CharSequence text && !text.isEmpty() && isFormulaStart(text.charAt(0))) {
			return "'" + text;
		}
		return (cell != null) ? cell : "";
	}

	private static boolean isFormulaStart(char c) {
		return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
	}

	@Override
	public void close() {
		this.rows.close();
	}

}
