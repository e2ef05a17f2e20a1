package org.policygraph.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SourceFormatTests {

	private static SourceFormat detect(String fileName, String content) {
		return SourceFormat.detect(fileName, content.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void shouldDetectJsonArrayByLeadingBracket() {
		assertThat(detect("a.json", "  \n[{\"title\": \"x\"}]")).isEqualTo(SourceFormat.JSON);
	}

	@Test
	void shouldDetectJsonInsideTxtFileByContent() {
		assertThat(detect("export.txt", "[\n  {\"title\": \"Hà Tĩnh\"}\n]")).isEqualTo(SourceFormat.JSON);
	}

	@Test
	void shouldDetectNdjsonWhenFirstObjectClosesOnItsLine() {
		assertThat(detect("dump.json", "{\"title\": \"a {b}\", \"x\": [1]}\n{\"title\": \"c\"}\n"))
			.isEqualTo(SourceFormat.NDJSON);
	}

	@Test
	void shouldDetectSingleObjectSpanningLinesAsJson() {
		assertThat(detect("one.ndjson", "{\n  \"title\": \"Hà Tĩnh\"\n}\n")).isEqualTo(SourceFormat.JSON);
	}

	@Test
	void shouldDetectRssFeedAfterXmlDeclaration() {
		assertThat(SourceFormat.detect("feed", Collector.resource("ingest/feed-rss.xml"))).isEqualTo(SourceFormat.FEED);
	}

	@Test
	void shouldDetectAtomInXmlFile() {
		assertThat(SourceFormat.detect("news.xml", Collector.resource("ingest/feed-atom.xml")))
			.isEqualTo(SourceFormat.FEED);
	}

	@Test
	void shouldDetectFeedRootAfterCommentWithoutDeclaration() {
		assertThat(detect("x.html", "<!-- generated -->\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"))
			.isEqualTo(SourceFormat.FEED);
	}

	@Test
	void shouldDetectHtmlByDoctypeEvenWithXmlExtension() {
		assertThat(detect("page.xml", "<!DOCTYPE html><html><body></body></html>")).isEqualTo(SourceFormat.HTML);
	}

	@Test
	void shouldDetectHtmlByHtmlElementAfterXmlDeclaration() {
		assertThat(detect("page", "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"))
			.isEqualTo(SourceFormat.HTML);
	}

	@Test
	void shouldDetectListingForPlainTextEvenWithJsonExtension() {
		assertThat(SourceFormat.detect("listing.json", Collector.resource("seed/listing.txt")))
			.isEqualTo(SourceFormat.LISTING);
	}

	@Test
	void shouldSkipByteOrderMarkBeforeDetecting() {
		assertThat(detect("a", "\uFEFF[]")).isEqualTo(SourceFormat.JSON);
	}

	@Test
	void shouldFallBackToExtensionWhenContentIsBlank() {
		assertThat(detect("a.ndjson", "  \n")).isEqualTo(SourceFormat.NDJSON);
		assertThat(detect("a.rss", "")).isEqualTo(SourceFormat.FEED);
		assertThat(detect(null, "")).isEqualTo(SourceFormat.LISTING);
	}

	@Test
	void shouldUseExtensionHintForUnknownXmlRoot() {
		assertThat(detect("a.xml", "<?xml version=\"1.0\"?><urlset>")).isEqualTo(SourceFormat.FEED);
		assertThat(detect("a.htm", "<?xml version=\"1.0\"?><urlset>")).isEqualTo(SourceFormat.HTML);
	}

}
