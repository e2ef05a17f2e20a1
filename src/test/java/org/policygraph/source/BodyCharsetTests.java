package org.policygraph.source;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.policygraph.ingest.read.FeedArticleReader;
import org.policygraph.ingest.read.ReadResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deciding a body's charset when the server and the document disagree, and handing the
 * readers (which take UTF-8 only) something they can read.
 */
class BodyCharsetTests {

	private static final String VIETNAMESE = "Ban Thường vụ Tỉnh ủy Nghệ An ban hành Kế hoạch số 164-KH/TU";

	private static String utf8(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

	/**
	 * Vietnamese as windows-1258 writes it: letters with a circumflex, breve or horn
	 * precomposed, tone marks as combining characters.
	 */
	static String cp1258Form(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < decomposed.length(); i++) {
			char c = decomposed.charAt(i);
			if ((c == '\u0302' || c == '\u0306' || c == '\u031B') && out.length() > 0) {
				char base = out.charAt(out.length() - 1);
				out.setCharAt(out.length() - 1, Normalizer.normalize("" + base + c, Normalizer.Form.NFC).charAt(0));
			}
			else if (c == '\u0323' || c == '\u0300' || c == '\u0301' || c == '\u0303' || c == '\u0309') {
				// a tone mark may come before the circumflex/horn in canonical order:
				// keep it for after
				int next = i + 1;
				if (next < decomposed.length() && "\u0302\u0306\u031B".indexOf(decomposed.charAt(next)) >= 0) {
					char base = out.charAt(out.length() - 1);
					out.setCharAt(out.length() - 1,
							Normalizer.normalize("" + base + decomposed.charAt(next), Normalizer.Form.NFC).charAt(0));
					i = next;
				}
				out.append(c);
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	@Test
	void shouldKeepUtf8WhenTheHeaderWronglySaysIso88591() {
		byte[] body = ("<html><head><meta charset=\"utf-8\"></head><body>" + VIETNAMESE + "</body></html>")
			.getBytes(StandardCharsets.UTF_8);

		assertThat(BodyCharset.toUtf8(body, "text/html; charset=ISO-8859-1")).isEqualTo(body);
	}

	@Test
	void shouldKeepUtf8WhenTheMetaWronglySaysIso88591() {
		byte[] body = ("<html><head><meta charset=\"iso-8859-1\"></head><body>" + VIETNAMESE + "</body></html>")
			.getBytes(StandardCharsets.UTF_8);

		assertThat(utf8(BodyCharset.toUtf8(body, "text/html"))).contains(VIETNAMESE);
	}

	@Test
	void shouldFollowTheMetaWhenTheHeaderSaysUtf8ButTheBytesAreNot() {
		Charset cp1258 = Charset.forName("windows-1258");
		byte[] body = ("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1258\"><p>"
				+ cp1258Form(VIETNAMESE) + "</p>")
			.getBytes(cp1258);

		String decoded = utf8(BodyCharset.toUtf8(body, "text/html; charset=UTF-8"));

		assertThat(Normalizer.normalize(decoded, Normalizer.Form.NFC)).contains(VIETNAMESE);
	}

	@Test
	void shouldFollowTheHeaderForASingleByteCharset() {
		byte[] body = "<p>Café à Huế? Non: café à Paris</p>".replace("Huế", "Hue")
			.getBytes(StandardCharsets.ISO_8859_1);

		assertThat(utf8(BodyCharset.toUtf8(body, "text/html; charset=iso-8859-1"))).contains("Non: café à Paris");
	}

	@Test
	void shouldFallBackToWindows1252WithoutAnyDeclaration() {
		byte[] body = "<p>“Tin” – mới</p>".replace("ớ", "o").getBytes(Charset.forName("windows-1252"));

		assertThat(utf8(BodyCharset.toUtf8(body, null))).contains("“Tin” – moi");
	}

	@Test
	void shouldRewriteTheXmlDeclarationSoThatTheFeedReaderReadsATranscodedFeed() throws Exception {
		String feed = """
				<?xml version="1.0" encoding="ISO-8859-1"?>
				<rss version="2.0"><channel><title>Actualités</title>
				<item><title>Résolution numéro 21</title><link>https://example.org/a-1001.html</link>
				<description>Le comité a adopté la résolution.</description></item></channel></rss>""";
		byte[] body = feed.getBytes(StandardCharsets.ISO_8859_1);

		byte[] converted = BodyCharset.toUtf8(body, "application/rss+xml");
		List<ReadResult> results = new ArrayList<>();
		new FeedArticleReader().read("feed.xml", new ByteArrayInputStream(converted), results::add);

		assertThat(utf8(converted)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
		assertThat(results).singleElement().satisfies(r -> {
			assertThat(r.ok()).isTrue();
			assertThat(r.article().title()).isEqualTo("Résolution numéro 21");
			assertThat(r.article().source()).isEqualTo("Actualités");
		});
	}

	@Test
	void shouldReadTheCharsetOfAHeaderAndOfADocument() {
		assertThat(BodyCharset.headerCharset("text/html; charset=\"windows-1258\"")).isEqualTo("windows-1258");
		assertThat(BodyCharset.headerCharset("text/html")).isNull();
		assertThat(BodyCharset
			.documentCharset("<?xml version='1.0' encoding='windows-1252'?><rss/>".getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo("windows-1252");
		assertThat(BodyCharset.documentCharset("<html><head><META CHARSET=utf-8>".getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo("utf-8");
	}

}
