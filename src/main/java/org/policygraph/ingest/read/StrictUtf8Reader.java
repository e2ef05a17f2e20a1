package org.policygraph.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;

/**
 * A streaming UTF-8 {@link Reader} that fails with {@link InvalidUtf8Exception} (naming
 * the byte offset) instead of substituting replacement characters.
 */
final class StrictUtf8Reader extends Reader {

	private final InputStream in;

	private final CharsetDecoder decoder = Utf8.strictDecoder();

	private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);

	private final CharBuffer chars = CharBuffer.allocate(64 * 1024);

	/** File offset of {@code bytes.array()[0]}. */
	private long base;

	private boolean endOfInput;

	private boolean flushed;

	/** An error found after some characters were decoded: those are delivered first. */
	private InvalidUtf8Exception pending;

	/**
	 * @param startOffset the file offset of the first byte {@code in} will deliver (3
	 * after a skipped BOM)
	 */
	StrictUtf8Reader(InputStream in, long startOffset) {
		this.in = in;
		this.base = startOffset;
		this.bytes.flip();
		this.chars.flip();
	}

	@Override
	public int read(char[] target, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		while (!chars.hasRemaining()) {
			if (flushed) {
				return -1;
			}
			fill();
		}
		int n = Math.min(length, chars.remaining());
		chars.get(target, offset, n);
		return n;
	}

	private void fill() throws IOException {
		if (pending != null) {
			throw pending;
		}
		chars.clear();
		try {
			while (chars.position() == 0 && !flushed) {
				CoderResult result = decoder.decode(bytes, chars, endOfInput);
				if (result.isError()) {
					InvalidUtf8Exception error = new InvalidUtf8Exception(base + bytes.position());
					if (chars.position() == 0) {
						throw error;
					}
					pending = error;
					break;
				}
				if (result.isOverflow()) {
					break;
				}
				if (endOfInput) {
					decoder.flush(chars);
					flushed = true;
					break;
				}
				refill();
			}
		}
		finally {
			chars.flip();
		}
	}

	private void refill() throws IOException {
		base += bytes.position();
		bytes.compact();
		int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
		if (n == -1) {
			endOfInput = true;
		}
		else {
			bytes.position(bytes.position() + n);
		}
		bytes.flip();
	}

	/**
	 * Does not close the underlying stream: readers leave closing to whoever opened it.
	 */
	@Override
	public void close() {
		// the caller owns the stream
	}

}
