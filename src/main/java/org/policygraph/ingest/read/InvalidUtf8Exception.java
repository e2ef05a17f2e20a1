package org.policygraph.ingest.read;

import java.io.IOException;

/**
 * Thrown internally when bytes are not valid UTF-8; carries the offset of the first bad
 * byte from the start of the file (0-based, a byte order mark counts).
 */
final class InvalidUtf8Exception extends IOException {

	private static final long serialVersionUID = 1L;

	private final long byteOffset;

	InvalidUtf8Exception(long byteOffset) {
		super("invalid UTF-8 at byte " + byteOffset);
		this.byteOffset = byteOffset;
	}

	long byteOffset() {
		return byteOffset;
	}

}
