package org.policygraph.ingest.bulk;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One CSV file in the format of Neo4j's bulk importer
 * ({@code neo4j-admin database import}): a typed header ({@code name:long},
 * {@code :ID(Article)}, …), fields separated by commas, strings and arrays quoted (quotes
 * doubled; fields may span lines), a missing value as an empty unquoted field (the
 * property is not set) and array elements and labels separated by
 * {@link #ARRAY_DELIMITER}.
 */
final class ImportCsv implements AutoCloseable {

	/**
	 * Separates array elements and labels; a control character that text never contains.
	 */
	static final char ARRAY_DELIMITER = '\u001F';

	/** Bytes buffered before a write to the file. */
	private static final int BUFFER = 1 << 20;

	private static final byte QUOTE = '"';

	private static final byte COMMA = ',';

	private static final byte NEWLINE = '\n';

	private final Path path;

	private final OutputStream file;

	private final byte[] buffer = new byte[BUFFER];

	private int buffered;

	private final List<String> columns;

	private long rows;

	private boolean lineBreaks;

	/**
	 * Opens a file and writes its header.
	 * @param file the file
	 * @param header the columns, each as the importer names it ({@code title},
	 * {@code year:long}, {@code :START_ID(Article)}, …)
	 */
	ImportCsv(Path file, List<String> header) {
		this.path = file;
		try {
			this.file = Files.newOutputStream(file);
			this.columns = List.copyOf(header);
			byte[] names = String.join(",", header).getBytes(StandardCharsets.UTF_8);
			write(names, 0, names.length);
			write(NEWLINE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The header column of a property, typed from a value.
	 * @param name the property
	 * @param value a value it has
	 * @return e.g. {@code year:long}
	 * @throws IllegalArgumentException for a type the graph does not use
	 */
	static String column(String name, Object value) {
		return name + ":" + type(value);
	}

	static String type(Object value) {
		if (value instanceof String) {
			return "string";
		}
		if (value instanceof Long || value instanceof Integer) {
			return "long";
		}
		if (value instanceof Double || value instanceof Float) {
			return "double";
		}
		if (value instanceof Boolean) {
			return "boolean";
		}
		if (value instanceof LocalDate) {
			return "date";
		}
		if (value instanceof java.time.ZonedDateTime || value instanceof java.time.OffsetDateTime) {
			return "datetime";
		}
		if (value instanceof Collection<?> list && !list.isEmpty()) {
			return type(list.iterator().next()) + "[]";
		}
		throw new IllegalArgumentException("no import type for " + value.getClass().getName() + " (" + value + ")");
	}

	/**
	 * @return the file
	 */
	Path file() {
		return this.path;
	}

	/**
	 * Whether a field written so far spans lines: the importer must then parse this file
	 * as one stream (slower) instead of in parallel chunks.
	 */
	boolean hasLineBreaks() {
		return this.lineBreaks;
	}

	/**
	 * Writes one row.
	 * @param values one per column, {@code null} for a missing value
	 */
	void row(Object... values) {
		if (values.length != this.columns.size()) {
			throw new IllegalArgumentException(values.length + " values for " + this.columns.size() + " columns");
		}
		try {
			for (int i = 0; i < values.length; i++) {
				if (i > 0) {
					write(COMMA);
				}
				write(values[i]);
			}
			write(NEWLINE);
			this.rows++;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Writes one row from a map of properties, in the order of the given names.
	 * @param first the values before the properties (ids)
	 * @param properties the properties
	 * @param names the property names, in column order
	 * @param last the values after the properties (labels, type)
	 */
	void row(List<?> first, Map<String, Object> properties, List<String> names, List<?> last) {
		List<Object> values = new ArrayList<>(first.size() + names.size() + last.size());
		values.addAll(first);
		names.forEach(name -> values.add(properties.get(name)));
		values.addAll(last);
		row(values.toArray());
	}

	private void write(Object value) throws IOException {
		if (value == null || (value instanceof Collection<?> empty && empty.isEmpty())) {
			return;
		}
		if (value instanceof Number || value instanceof Boolean || value instanceof TemporalAccessor) {
			byte[] ascii = value.toString().getBytes(StandardCharsets.US_ASCII);
			write(ascii, 0, ascii.length);
			return;
		}
		String text;
		if (value instanceof Collection<?> list) {
			StringBuilder joined = new StringBuilder();
			for (Object element : list) {
				if (!joined.isEmpty()) {
					joined.append(ARRAY_DELIMITER);
				}
				joined.append(scalar(element).replace(ARRAY_DELIMITER, ' '));
			}
			text = joined.toString();
		}
		else {
			text = scalar(value);
		}
		if (!this.lineBreaks && (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0)) {
			this.lineBreaks = true;
		}
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		write(QUOTE);
		if (text.indexOf('"') < 0) {
			write(bytes, 0, bytes.length);
		}
		else {
			writeQuotesDoubled(bytes);
		}
		write(QUOTE);
	}

	/**
	 * Writes UTF-8 bytes with each quote doubled: the quote is ASCII, and every byte of a
	 * multi-byte character is at least 0x80, so no other byte can be taken for one.
	 */
	private void writeQuotesDoubled(byte[] bytes) throws IOException {
		int from = 0;
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == QUOTE) {
				write(bytes, from, i + 1 - from);
				write(QUOTE);
				from = i + 1;
			}
		}
		write(bytes, from, bytes.length - from);
	}

	private void write(byte b) throws IOException {
		if (this.buffered == this.buffer.length) {
			flush();
		}
		this.buffer[this.buffered++] = b;
	}

	private void write(byte[] bytes, int from, int length) throws IOException {
		if (length > this.buffer.length - this.buffered) {
			flush();
			if (length > this.buffer.length) {
				this.file.write(bytes, from, length);
				return;
			}
		}
		System.arraycopy(bytes, from, this.buffer, this.buffered, length);
		this.buffered += length;
	}

	private void flush() throws IOException {
		this.file.write(this.buffer, 0, this.buffered);
		this.buffered = 0;
	}

	private static String scalar(Object value) {
		if (value instanceof TemporalAccessor) {
			return value.toString();
		}
		return String.valueOf(value);
	}

	/**
	 * @return rows written
	 */
	long rows() {
		return this.rows;
	}

	@Override
	public void close() {
		try (OutputStream closing = this.file) {
			flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
