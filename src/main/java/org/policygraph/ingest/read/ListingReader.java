package org.policygraph.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads a plain-text listing page: article titles each followed by their lead
 * paragraph(s), blocks separated by blank lines, as copied from a magazine's category
 * page.
 *
 * <p>
 * Rules:
 * <ul>
 * <li>Page furniture lines ({@code Mới nhất}, {@code Xem nhiều nhất},
 * {@code Tin liên quan}, {@code Xem thêm}, lone dates, ... listed in
 * {@code ingest/listing-furniture.txt}) are dropped wherever they appear.</li>
 * <li>A block (lines between blank lines) whose first line looks like a title starts a
 * new article; further lines of that block are lead text. A title looks like a title when
 * it is at most {@value #MAX_TITLE_LIKE_CHARS} characters and does not end in sentence
 * punctuation ({@code . : ; , …}, closing quotes ignored).</li>
 * <li>Any other block is a lead paragraph of the current article; paragraphs are
 * separated by a blank line in {@link RawArticle#text()}. A lead paragraph before the
 * first title is rejected.</li>
 * <li>A title with no lead (the next block is another title) is still an article, with
 * empty text.</li>
 * <li>A line with invalid UTF-8 rejects the article it belongs to, not the file.</li>
 * <li>The location is {@code name:line} of the title line (1-based). At most
 * {@link ReaderLimits#MAX_DOCUMENT_BYTES} bytes are read; past that one rejection ends
 * the file.</li>
 * </ul>
 */
public final class ListingReader implements ArticleReader {

	/** Blocks longer than this are never titles. */
	public static final int MAX_TITLE_LIKE_CHARS = 300;

	private static final Pattern CLOSING = Pattern.compile("[\\s\"'”’»)\\]]+$");

	private final ArticleValidator validator;

	private final ListingFurniture furniture = ListingFurniture.load();

	public ListingReader(ArticleValidator validator) {
		this.validator = validator;
	}

	/** A reader validating against the system clock. */
	public ListingReader() {
		this(new ArticleValidator(Clock.systemDefaultZone()));
	}

	@Override
	public SourceFormat format() {
		return SourceFormat.LISTING;
	}

	@Override
	public void read(String sourceName, InputStream in, Consumer<ReadResult> sink) throws IOException {
		InputStream stream = Utf8.markable(in);
		int bom = Utf8.skipBom(stream);
		ByteLineReader lines = new ByteLineReader(stream, ReaderLimits.MAX_LINE_BYTES, bom);
		State state = new State(sourceName, sink);
		Block block = null;
		long total = bom;
		ByteLineReader.Line line;
		while ((line = lines.next()) != null) {
			total += line.length() + 1;
			if (total > ReaderLimits.MAX_DOCUMENT_BYTES + 1L) {
				state.endBlock(block);
				state.flush();
				sink.accept(ReadResult.rejected(sourceName + ":" + line.number(), "listing is larger than "
						+ Utf8.grouped(ReaderLimits.MAX_DOCUMENT_BYTES) + " bytes; stopped reading at this line"));
				return;
			}
			String text;
			String problem = null;
			try {
				text = line.decode();
			}
			catch (InvalidUtf8Exception ex) {
				text = line.decodeLenient();
				problem = ex.getMessage() + " (line " + line.number() + ")";
			}
			if (line.tooLong()) {
				problem = "line " + line.number() + " is " + Utf8.grouped(line.length()) + " bytes; the limit is "
						+ Utf8.grouped(ReaderLimits.MAX_LINE_BYTES);
			}
			if (ArticleValidator.normalizeLine(text) == null) {
				state.endBlock(block);
				block = null;
				continue;
			}
			if (problem == null && furniture.isFurniture(text)) {
				continue;
			}
			if (block == null) {
				block = new Block(line.number());
			}
			block.lines.add(text.strip());
			if (block.problem == null) {
				block.problem = problem;
			}
		}
		state.endBlock(block);
		state.flush();
	}

	static boolean looksLikeTitle(String line) {
		String s = ArticleValidator.normalizeLine(line);
		if (s == null || s.codePointCount(0, s.length()) > MAX_TITLE_LIKE_CHARS) {
			return false;
		}
		String end = CLOSING.matcher(s).replaceAll("");
		if (end.isEmpty()) {
			return false;
		}
		char last = end.charAt(end.length() - 1);
		return ".:;,…".indexOf(last) < 0;
	}

	private static final class Block {

		final int firstLine;

		final List<String> lines = new ArrayList<>();

		String problem;

		Block(int firstLine) {
			this.firstLine = firstLine;
		}

	}

	private final class State {

		final String sourceName;

		final Consumer<ReadResult> sink;

		String title;

		int titleLine;

		final List<String> paragraphs = new ArrayList<>();

		String problem;

		State(String sourceName, Consumer<ReadResult> sink) {
			this.sourceName = sourceName;
			this.sink = sink;
		}

		void endBlock(Block block) {
			if (block == null) {
				return;
			}
			List<String> lines = block.lines;
			if (looksLikeTitle(lines.get(0))) {
				flush();
				title = lines.get(0);
				titleLine = block.firstLine;
				problem = block.problem;
				if (lines.size() > 1) {
					paragraphs.add(String.join("\n", lines.subList(1, lines.size())));
				}
				return;
			}
			if (title == null) {
				String reason = block.problem != null ? block.problem : "paragraph has no title line before it";
				sink.accept(ReadResult.rejected(sourceName + ":" + block.firstLine, reason));
				return;
			}
			paragraphs.add(String.join("\n", lines));
			if (problem == null) {
				problem = block.problem;
			}
		}

		void flush() {
			if (title == null) {
				return;
			}
			String location = sourceName + ":" + titleLine;
			if (problem != null) {
				sink.accept(ReadResult.rejected(location, problem));
			}
			else {
				sink.accept(validator.validate(
						new ArticleDraft(title, String.join("\n\n", paragraphs), null, null, null, null, location)));
			}
			title = null;
			problem = null;
			paragraphs.clear();
		}

	}

}
