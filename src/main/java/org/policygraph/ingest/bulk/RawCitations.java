package org.policygraph.ingest.bulk;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * The mentions of documents and the evidence of a bulk load, kept on disk with the keys
 * the articles cited until the load is complete: which node stands for a key is known
 * only then ({@link DocumentIdentity}), and the importer's files name nodes by number.
 * Records of one article are contiguous.
 */
final class RawCitations implements AutoCloseable {

	static final String MENTIONS = "document-mentions.raw";

	static final String EVIDENCE = "evidence.raw";

	private final Path mentionsFile;

	private final Path evidenceFile;

	private final DataOutputStream mentions;

	private final DataOutputStream evidence;

	private boolean closed;

	RawCitations(Path directory) {
		this.mentionsFile = directory.resolve(MENTIONS);
		this.evidenceFile = directory.resolve(EVIDENCE);
		try {
			this.mentions = new DataOutputStream(
					new BufferedOutputStream(Files.newOutputStream(this.mentionsFile), 1 << 16));
			this.evidence = new DataOutputStream(
					new BufferedOutputStream(Files.newOutputStream(this.evidenceFile), 1 << 16));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A mention of a document by the key cited. */
	record MentionRecord(String articleId, String cited, @Nullable String surface, @Nullable String sentence) {
	}

	/** An evidence with the keys cited for its ends. */
	record EvidenceRecord(String articleId, String type, String citedFrom, String citedTo, @Nullable String sentence,
			@Nullable LocalDate publishedAt) {
	}

	void mention(String articleId, String cited, @Nullable String surface, @Nullable String sentence) {
		try {
			write(this.mentions, articleId);
			write(this.mentions, cited);
			write(this.mentions, surface);
			write(this.mentions, sentence);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void evidence(String articleId, String type, String citedFrom, String citedTo, @Nullable String sentence,
			@Nullable LocalDate publishedAt) {
		try {
			write(this.evidence, articleId);
			write(this.evidence, type);
			write(this.evidence, citedFrom);
			write(this.evidence, citedTo);
			write(this.evidence, sentence);
			this.evidence.writeLong((publishedAt != null) ? publishedAt.toEpochDay() : Long.MIN_VALUE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Reads the mentions back, in order, after {@link #close()}. */
	void readMentions(Consumer<MentionRecord> consumer) {
		read(this.mentionsFile, in -> consumer.accept(new MentionRecord(read(in), read(in), read(in), read(in))));
	}

	/** Reads the evidence back, in order, after {@link #close()}. */
	void readEvidence(Consumer<EvidenceRecord> consumer) {
		read(this.evidenceFile, in -> {
			String articleId = read(in);
			String type = read(in);
			String from = read(in);
			String to = read(in);
			String sentence = read(in);
			long day = in.readLong();
			consumer.accept(new EvidenceRecord(articleId, type, from, to, sentence,
					(day == Long.MIN_VALUE) ? null : LocalDate.ofEpochDay(day)));
		});
	}

	/** Deletes the files. */
	void delete() {
		close();
		try {
			Files.deleteIfExists(this.mentionsFile);
			Files.deleteIfExists(this.evidenceFile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		try (this.mentions; this.evidence) {
			// closes both
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private interface RecordReader {

		void read(DataInputStream in) throws IOException;

	}

	private static void read(Path file, RecordReader reader) {
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
			while (true) {
				try {
					in.mark(1);
					if (in.read() < 0) {
						return;
					}
					in.reset();
				}
				catch (EOFException ex) {
					return;
				}
				reader.read(in);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(DataOutputStream out, @Nullable String value) throws IOException {
		if (value == null) {
			out.writeInt(-1);
			return;
		}
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		out.writeInt(bytes.length);
		out.write(bytes);
	}

	private static @Nullable String read(DataInputStream in) throws IOException {
		int length = in.readInt();
		if (length < 0) {
			return null;
		}
		return new String(in.readNBytes(length), StandardCharsets.UTF_8);
	}

}
