package org.policygraph.ingest.read;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Strict UTF-8 decoding, byte order marks and capped reads.
 */
final class Utf8 {

	static final int BOM_LENGTH = 3;

	private Utf8() {
	}

	static CharsetDecoder strictDecoder() {
		return StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	/**
	 * Wraps {@code in} so that it supports mark/reset (returns it unchanged if it already
	 * does).
	 */
	static InputStream markable(InputStream in) {
		return in.markSupported() ? in : new BufferedInputStream(in, 64 * 1024);
	}

	/**
	 * Skips a UTF-8 byte order mark if present; {@code in} must support mark/reset.
	 * Returns the bytes skipped.
	 */
	static int skipBom(InputStream in) throws IOException {
		in.mark(BOM_LENGTH);
		byte[] head = in.readNBytes(BOM_LENGTH);
		if (head.length == BOM_LENGTH && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
				&& (head[2] & 0xFF) == 0xBF) {
			return BOM_LENGTH;
		}
		in.reset();
		return 0;
	}

	static boolean hasBom(byte[] head) {
		return head.length >= BOM_LENGTH && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
				&& (head[2] & 0xFF) == 0xBF;
	}

	/**
	 * Decodes {@code bytes[offset, offset+length)} strictly.
	 * @param fileOffset the position of {@code bytes[offset]} in the file, used for the
	 * error offset
	 */
	static String decode(byte[] bytes, int offset, int length, long fileOffset) throws InvalidUtf8Exception {
		CharsetDecoder decoder = strictDecoder();
		ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
		CharBuffer out = CharBuffer.allocate(length);
		CoderResult result = decoder.decode(in, out, true);
		if (result.isError()) {
			throw new InvalidUtf8Exception(fileOffset + in.position() - offset);
		}
		decoder.flush(out);
		out.flip();
		return out.toString();
	}

	/**
	 * Decodes replacing bad sequences with U+FFFD; used only to classify text already
	 * known to be bad.
	 */
	static String decodeLenient(byte[] bytes, int offset, int length) {
		return new String(bytes, offset, length, StandardCharsets.UTF_8);
	}

	/**
	 * Reads the rest of {@code in}, at most {@code maxBytes}.
	 * @return the bytes, or {@code null} when the stream holds more than {@code maxBytes}
	 */
	static byte[] readAtMost(InputStream in, int maxBytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		int n;
		while ((n = in.read(buffer)) != -1) {
			total += n;
			if (total > maxBytes) {
				return null;
			}
			out.write(buffer, 0, n);
		}
		return out.toByteArray();
	}

	/** {@code 1234567} as {@code 1,234,567}. */
	static String grouped(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

	/** The UTF-8 length of {@code s} without allocating. */
	static long byteLength(CharSequence s) {
		long bytes = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c < 0x80) {
				bytes += 1;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
				bytes += 4;
				i++;
			}
			else {
				bytes += 3;
			}
		}
		return bytes;
	}

}
