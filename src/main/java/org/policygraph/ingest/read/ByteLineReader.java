package org.policygraph.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines ({@code \n}, with a trailing {@code \r} dropped)
 * without decoding it, so that a bad line costs only itself and memory stays bounded by
 * the longest accepted line.
 */
final class ByteLineReader {

	/**
	 * One line: {@code bytes} holds at most the line limit; {@code length} is the real
	 * length.
	 */
	record Line(int number, long fileOffset, byte[] bytes, int stored, long length) {

		boolean tooLong() {
			return length > stored;
		}

		/** Decodes the line strictly; offsets in the exception are file offsets. */
		String decode() throws InvalidUtf8Exception {
			return Utf8.decode(bytes, 0, stored, fileOffset);
		}

		String decodeLenient() {
			return Utf8.decodeLenient(bytes, 0, stored);
		}

	}

	private final InputStream in;

	private final int maxLineBytes;

	private final byte[] buffer = new byte[64 * 1024];

	private int position;

	private int limit;

	private long offset;

	private int lineNumber;

	private boolean eof;

	ByteLineReader(InputStream in, int maxLineBytes, long startOffset) {
		this.in = in;
		this.maxLineBytes = maxLineBytes;
		this.offset = startOffset;
	}

	/** The next line, or {@code null} at the end of the stream. */
	Line next() throws IOException {
		if (eof && position >= limit) {
			return null;
		}
		byte[] line = new byte[256];
		int stored = 0;
		long length = 0;
		long start = offset;
		boolean sawAny = false;
		while (true) {
			if (position >= limit) {
				limit = in.read(buffer);
				position = 0;
				if (limit <= 0) {
					limit = 0;
					eof = true;
					if (!sawAny) {
						return null;
					}
					break;
				}
			}
			sawAny = true;
			int newline = -1;
			for (int i = position; i < limit; i++) {
				if (buffer[i] == '\n') {
					newline = i;
					break;
				}
			}
			int end = newline == -1 ? limit : newline;
			int chunk = end - position;
			int keep = (int) Math.min(chunk, Math.max(0, maxLineBytes - stored));
			if (keep > 0) {
				if (stored + keep > line.length) {
					line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(stored + keep, line.length * 2)));
				}
				System.arraycopy(buffer, position, line, stored, keep);
				stored += keep;
			}
			length += chunk;
			offset += chunk;
			if (newline != -1) {
				position = newline + 1;
				offset += 1;
				break;
			}
			position = limit;
		}
		if (stored > 0 && stored == length && line[stored - 1] == '\r') {
			stored--;
			length--;
		}
		lineNumber++;
		return new Line(lineNumber, start, line, stored, length);
	}

}
