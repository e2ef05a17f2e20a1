package org.policygraph.ingest.read;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * The entry point for reading article sources: detects the format, handles whole-file
 * problems and duplicate URLs, and delegates to the {@link ArticleReader} for the format.
 *
 * <p>
 * Beyond what the readers do, every {@code read} call:
 * <ul>
 * <li>rejects an empty file ({@code file is empty}) and a file of only whitespace
 * ({@code file has only whitespace});</li>
 * <li>rejects a file whose first {@value ReaderLimits#HEAD_BYTES} bytes contain a NUL
 * byte or are mostly non-text (over 30% control bytes or bytes that are not UTF-8) with
 * one {@code not a text file (binary content)};</li>
 * <li>rejects later records whose URL was already seen in the same call
 * ({@code duplicate url U (first seen at L)}); URLs are compared without their
 * {@code #fragment} and with scheme and host lower-cased;</li>
 * <li>never throws for bad input or I/O failures: they become rejections at the source
 * name.</li>
 * </ul>
 */
public final class Readers {

	private static final double BINARY_RATIO = 0.30;

	private final Map<SourceFormat, ArticleReader> readers;

	/**
	 * @param readers one reader per format; every {@link SourceFormat} must be covered
	 */
	public Readers(List<ArticleReader> readers) {
		Map<SourceFormat, ArticleReader> byFormat = new EnumMap<>(SourceFormat.class);
		for (ArticleReader reader : readers) {
			byFormat.put(reader.format(), reader);
		}
		for (SourceFormat format : SourceFormat.values()) {
			if (!byFormat.containsKey(format)) {
				throw new IllegalArgumentException("no reader for " + format);
			}
		}
		this.readers = byFormat;
	}

	/** The standard readers, validating dates against {@code clock}. */
	public static Readers defaults(Clock clock) {
		ArticleValidator validator = new ArticleValidator(clock);
		return new Readers(List.of(new ListingReader(validator), new JsonArticleReader(validator),
				new NdjsonArticleReader(validator), new HtmlArticleReader(validator),
				new FeedArticleReader(validator)));
	}

	/** The reader used for {@code format}. */
	public ArticleReader reader(SourceFormat format) {
		return readers.get(format);
	}

	/**
	 * Reads a file, or every regular file under a directory (recursively, sorted by path,
	 * hidden files and directories skipped). Locations use the file name, or for a
	 * directory the path relative to it ({@code 2024/a.json[3]}).
	 * @param formatOrNull the format of every file, or {@code null} to detect it per file
	 */
	public void read(Path fileOrDirectory, SourceFormat formatOrNull, Consumer<ReadResult> sink) {
		read(fileOrDirectory, formatOrNull, sink, bytes -> {
		});
	}

	/**
	 * Reads a file or directory as {@link #read(Path, SourceFormat, Consumer)} does,
	 * reporting the bytes consumed as it goes, for a progress display.
	 * @param formatOrNull the format of every file, or {@code null} to detect it per file
	 * @param bytesRead receives the number of bytes read from files, in increments
	 */
	public void read(Path fileOrDirectory, SourceFormat formatOrNull, Consumer<ReadResult> sink,
			LongConsumer bytesRead) {
		Consumer<ReadResult> deduplicated = new DuplicateUrlFilter(sink);
		if (Files.isDirectory(fileOrDirectory)) {
			List<Path> files;
			try (Stream<Path> walk = Files.walk(fileOrDirectory)) {
				files = walk.filter(Files::isRegularFile)
					.filter(file -> !isHidden(fileOrDirectory.relativize(file)))
					.sorted()
					.toList();
			}
			catch (IOException | RuntimeException ex) {
				deduplicated.accept(
						ReadResult.rejected(fileOrDirectory.toString(), "cannot list directory: " + ex.getMessage()));
				return;
			}
			for (Path file : files) {
				String name = fileOrDirectory.relativize(file).toString().replace('\\', '/');
				readFile(name, file, formatOrNull, deduplicated, bytesRead);
			}
		}
		else {
			Path fileName = fileOrDirectory.getFileName();
			readFile(fileName == null ? fileOrDirectory.toString() : fileName.toString(), fileOrDirectory, formatOrNull,
					deduplicated, bytesRead);
		}
	}

	/**
	 * Reads one stream; {@code in} is not closed.
	 * @param sourceName the name used in locations; its extension is a format hint
	 * @param formatOrNull the format, or {@code null} to detect it
	 */
	public void read(String sourceName, InputStream in, SourceFormat formatOrNull, Consumer<ReadResult> sink) {
		readStream(sourceName, in, formatOrNull, new DuplicateUrlFilter(sink));
	}

	private void readFile(String name, Path file, SourceFormat format, Consumer<ReadResult> sink,
			LongConsumer bytesRead) {
		if (!Files.exists(file)) {
			sink.accept(ReadResult.rejected(name, "no such file or directory"));
			return;
		}
		try (InputStream in = new CountingInputStream(Files.newInputStream(file), bytesRead)) {
			readStream(name, in, format, sink);
		}
		catch (IOException ex) {
			sink.accept(ReadResult.rejected(name, "cannot read file: " + ex.getMessage()));
		}
	}

	private void readStream(String sourceName, InputStream in, SourceFormat formatOrNull, Consumer<ReadResult> sink) {
		try {
			BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
			buffered.mark(ReaderLimits.HEAD_BYTES + 1);
			byte[] head = buffered.readNBytes(ReaderLimits.HEAD_BYTES);
			buffered.reset();
			if (head.length == 0) {
				sink.accept(ReadResult.rejected(sourceName, "file is empty"));
				return;
			}
			if (head.length < ReaderLimits.HEAD_BYTES && isBlank(head)) {
				sink.accept(ReadResult.rejected(sourceName, "file has only whitespace"));
				return;
			}
			if (looksBinary(head)) {
				sink.accept(ReadResult.rejected(sourceName, "not a text file (binary content)"));
				return;
			}
			SourceFormat format = formatOrNull != null ? formatOrNull : SourceFormat.detect(sourceName, head);
			readers.get(format).read(sourceName, buffered, sink);
		}
		catch (IOException ex) {
			sink.accept(ReadResult.rejected(sourceName, "read error: " + ex.getMessage()));
		}
	}

	private static boolean isHidden(Path relative) {
		for (Path part : relative) {
			if (part.toString().startsWith(".")) {
				return true;
			}
		}
		return false;
	}

	private static boolean isBlank(byte[] head) {
		int start = Utf8.hasBom(head) ? Utf8.BOM_LENGTH : 0;
		for (int i = start; i < head.length; i++) {
			int b = head[i] & 0xFF;
			if (b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the head of a file is binary: any NUL byte, or more than 30% of bytes that
	 * are control characters (other than tab, line feed, carriage return, form feed,
	 * escape) or not part of a valid UTF-8 sequence.
	 */
	static boolean looksBinary(byte[] head) {
		int suspicious = 0;
		int i = 0;
		int n = head.length;
		while (i < n) {
			int b = head[i] & 0xFF;
			if (b == 0) {
				return true;
			}
			if (b < 0x80) {
				if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B) || b == 0x7F) {
					suspicious++;
				}
				i++;
				continue;
			}
			int length = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
			if (length == 0) {
				suspicious++;
				i++;
				continue;
			}
			if (i + length > n) {
				break;
			}
			boolean valid = true;
			for (int k = 1; k < length; k++) {
				if ((head[i + k] & 0xC0) != 0x80) {
					valid = false;
					break;
				}
			}
			if (valid) {
				i += length;
			}
			else {
				suspicious++;
				i++;
			}
		}
		return suspicious > BINARY_RATIO * n;
	}

	/**
	 * Passes results on, rejecting articles whose URL was already seen in this read call.
	 */
	private static final class DuplicateUrlFilter implements Consumer<ReadResult> {

		private final Consumer<ReadResult> sink;

		private final Map<String, String> firstSeen = new HashMap<>();

		DuplicateUrlFilter(Consumer<ReadResult> sink) {
			this.sink = sink;
		}

		@Override
		public void accept(ReadResult result) {
			if (result.ok() && result.article().url() != null) {
				String url = result.article().url();
				String first = firstSeen.putIfAbsent(key(url), result.location());
				if (first != null) {
					sink.accept(ReadResult.rejected(result.location(),
							"duplicate url " + url + " (first seen at " + first + ")"));
					return;
				}
			}
			sink.accept(result);
		}

		private static String key(String url) {
			int hash = url.indexOf('#');
			String s = hash < 0 ? url : url.substring(0, hash);
			int scheme = s.indexOf("://");
			int pathStart = scheme < 0 ? -1 : s.indexOf('/', scheme + 3);
			if (scheme < 0) {
				return s;
			}
			String authority = pathStart < 0 ? s : s.substring(0, pathStart);
			String rest = pathStart < 0 ? "" : s.substring(pathStart);
			return authority.toLowerCase(Locale.ROOT) + rest;
		}

	}

	/** Reports the bytes read through it. */
	private static final class CountingInputStream extends FilterInputStream {

		private final LongConsumer bytesRead;

		CountingInputStream(InputStream in, LongConsumer bytesRead) {
			super(in);
			this.bytesRead = bytesRead;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.bytesRead.accept(1);
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				this.bytesRead.accept(n);
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			if (skipped > 0) {
				this.bytesRead.accept(skipped);
			}
			return skipped;
		}

	}

}
