package org.policygraph.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class StrictUtf8ReaderTests {

	@Test
	void shouldDecodeMultibyteCharactersSplitAcrossBufferBoundaries() throws IOException {
		String text = "Đảng bộ tỉnh Hà Tĩnh 𝔸 ".repeat(10_000);

		StringWriter out = new StringWriter();
		try (Reader reader = new StrictUtf8Reader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 0)) {
			reader.transferTo(out);
		}

		assertThat(out.toString()).isEqualTo(text);
	}

	@Test
	void shouldReportFileOffsetOfBadByteDeepInStream() {
		byte[] bytes = "a".repeat(200_000).getBytes(StandardCharsets.UTF_8);
		bytes[150_001] = (byte) 0x80;

		assertThatThrownBy(
				() -> new StrictUtf8Reader(new ByteArrayInputStream(bytes), 3).transferTo(new StringWriter()))
			.isInstanceOf(InvalidUtf8Exception.class)
			.hasMessage("invalid UTF-8 at byte 150004");
	}

	@Test
	void shouldReportTruncatedSequenceAtEndOfInput() {
		byte[] bytes = { 'a', 'b', (byte) 0xE1, (byte) 0xBA };

		assertThatThrownBy(
				() -> new StrictUtf8Reader(new ByteArrayInputStream(bytes), 0).transferTo(new StringWriter()))
			.isInstanceOf(InvalidUtf8Exception.class)
			.hasMessage("invalid UTF-8 at byte 2");
	}

}
