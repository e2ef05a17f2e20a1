package org.policygraph.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class ArticleValidatorTests {

	private final ArticleValidator validator = Collector.VALIDATOR;

	private ReadResult validate(String title, String text, String url, String date) {
		return validator.validate(new ArticleDraft(title, text, url, date, null, null, "x.json[0]"));
	}

	@Test
	void shouldNormaliseWhitespaceAndKeepParagraphs() {
		ReadResult result = validate("  Hà\u00a0Tĩnh \n kiện toàn  ", " Dòng một  \r\n\r\n\r\n  Dòng\thai \n", null,
				null);

		assertThat(result.article().title()).isEqualTo("Hà Tĩnh kiện toàn");
		assertThat(result.article().text()).isEqualTo("Dòng một\n\nDòng hai");
	}

	@Test
	void shouldDropBidirectionalControlsFromTitleTextAndOtherFields() {
		ReadResult result = validator.validate(new ArticleDraft("Hà Tĩnh \u202Efdp.exe\u202C kiện toàn\u200F",
				"Dòng \u2066một\u2069\n\n\u202DDòng hai\u202A", "https://a.vn/\u200Ebai", null, "Báo\u202E Nhân Dân",
				"\u061CXây dựng Đảng", "x.json[0]"));

		assertThat(result.article().title()).isEqualTo("Hà Tĩnh fdp.exe kiện toàn");
		assertThat(result.article().text()).isEqualTo("Dòng một\n\nDòng hai");
		assertThat(result.article().source()).isEqualTo("Báo Nhân Dân");
		assertThat(result.article().category()).isEqualTo("Xây dựng Đảng");
		assertThat(result.article().url()).isEqualTo("https://a.vn/bai");
	}

	@Test
	void shouldStoreTheUrlInItsIdentityFormAndRefuseCredentials() {
		assertThat(validate("t", null, "HTTPS://XayDungDang.org.vn:443/Bai#top", null).article().url())
			.isEqualTo("https://xaydungdang.org.vn/Bai");
		ReadResult withPassword = validate("t", null, "https://editor:hunter2@xaydungdang.org.vn/bai", null);
		assertThat(withPassword.ok()).isFalse();
		assertThat(withPassword.rejection().reason()).startsWith("url has a user name or password")
			.doesNotContain("hunter2");
	}

	private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u202F\\u205F\\u3000\\uFEFF]+");

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

	@Test
	void shouldNormaliseWhitespaceExactlyAsTheRegularExpressionsItsOnePassReplaces() {
		assertNormalisedAsTheRegularExpressions(
				"ab đ.\t\n\r\u000B\f\u0000\u0085\u001F\u00A0\u2000\u2007\u200B\u200C\u2028\u2029\u202F\u205F\u1680\u3000\uFEFF\u007F\u009F\uD83D\uDE00",
				12, 20_000, 20261130);
	}

	@Test
	void shouldReturnTextThatIsAlreadyNormalAsItIsAndOnlySuchText() {
		// Mostly letters, single spaces and line breaks: many of these texts are already
		// normal
		// (the shortcut), the others differ from one by a character or two.
		String letters = "abcđĐếệ.,\"-0123".repeat(6);
		assertNormalisedAsTheRegularExpressions(letters + "   \n\n\n\t\u00A0\u2028\u1680\u007F\u0085\u200B", 40, 50_000,
				20261201);
		String normal = "Tỉnh ủy ban hành\n\nKế hoạch số 12-KH/TU.\nĐợt một";
		assertThat(ArticleValidator.normalizeText(normal)).isSameAs(normal);
	}

	private static void assertNormalisedAsTheRegularExpressions(String characters, int maxLength, int texts,
			long seed) {
		char[] alphabet = characters.toCharArray();
		Random random = new Random(seed);
		for (int i = 0; i < texts; i++) {
			StringBuilder b = new StringBuilder();
			for (int n = random.nextInt(maxLength); n > 0; n--) {
				b.append(alphabet[random.nextInt(alphabet.length)]);
			}
			String raw = b.toString();
			String nfc = Normalizer.normalize(raw, Normalizer.Form.NFC);
			String line = SPACE.matcher(CONTROL.matcher(nfc).replaceAll(" ")).replaceAll(" ").strip();
			StringBuilder text = new StringBuilder();
			boolean pendingBreak = false;
			for (String rawLine : nfc.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
				String l = SPACE.matcher(CONTROL.matcher(rawLine).replaceAll(" ")).replaceAll(" ").strip();
				if (l.isEmpty()) {
					pendingBreak = text.length() > 0;
					continue;
				}
				text.append(text.length() == 0 ? "" : pendingBreak ? "\n\n" : "\n").append(l);
				pendingBreak = false;
			}

			assertThat(ArticleValidator.normalizeLine(raw)).as("line %s", raw.chars().boxed().toList())
				.isEqualTo(line.isEmpty() ? null : line);
			assertThat(ArticleValidator.normalizeText(raw)).as("text %s", raw.chars().boxed().toList())
				.isEqualTo(text.toString());
		}
	}

	@Test
	void shouldComposeDecomposedVietnameseToNfc() {
		ReadResult result = validate("Ha\u0300 Ti\u0303nh", null, null, null);

		assertThat(result.article().title()).isEqualTo("Hà Tĩnh");
		assertThat(result.article().text()).isEmpty();
	}

	@Test
	void shouldRejectMissingAndBlankTitle() {
		assertThat(validate(null, "x", null, null).rejection()).isEqualTo(new Rejection("x.json[0]", "missing title"));
		assertThat(validate(" \n ", "x", null, null).rejection().reason()).isEqualTo("missing title");
	}

	@Test
	void shouldRejectTitleOverOneThousandCharacters() {
		assertThat(validate("đ".repeat(1_000), null, null, null).ok()).isTrue();
		assertThat(validate("đ".repeat(1_001), null, null, null).rejection().reason())
			.isEqualTo("title is 1,001 characters; the limit is 1,000");
	}

	@Test
	void shouldRejectTextOverOneMebibyteCountingUtf8Bytes() {
		String atLimit = "a".repeat(ArticleValidator.MAX_TEXT_BYTES);
		String overInBytes = "đ".repeat(ArticleValidator.MAX_TEXT_BYTES / 2 + 1);

		assertThat(validate("t", atLimit, null, null).ok()).isTrue();
		assertThat(validate("t", overInBytes, null, null).rejection().reason())
			.isEqualTo("text is 1,048,578 bytes; the limit is 1,048,576");
	}

	@Test
	void shouldAcceptEveryDocumentedDateForm() {
		assertThat(ArticleValidator.parseDate("2024-05-14")).isEqualTo(LocalDate.of(2024, 5, 14));
		assertThat(ArticleValidator.parseDate("2024-05-14T23:30:00+07:00")).isEqualTo(LocalDate.of(2024, 5, 14));
		assertThat(ArticleValidator.parseDate("2024-05-14T23:30:00Z")).isEqualTo(LocalDate.of(2024, 5, 14));
		assertThat(ArticleValidator.parseDate("2024-05-14T08:00:00")).isEqualTo(LocalDate.of(2024, 5, 14));
		assertThat(ArticleValidator.parseDate("14/05/2024")).isEqualTo(LocalDate.of(2024, 5, 14));
		assertThat(ArticleValidator.parseDate("14-05-2024")).isEqualTo(LocalDate.of(2024, 5, 14));
		assertThat(ArticleValidator.parseDate("4/5/2024")).isEqualTo(LocalDate.of(2024, 5, 4));
		assertThat(ArticleValidator.parseDate("2024/05/14")).isNull();
		assertThat(ArticleValidator.parseDate("29/02/2023")).isNull();
	}

	@Test
	void shouldRejectDateAfterTomorrowButAcceptTomorrow() {
		assertThat(validate("t", null, null, "2024-06-02").ok()).isTrue();
		assertThat(validate("t", null, null, "03/06/2024").rejection().reason())
			.isEqualTo("publishedAt '03/06/2024' is in the future");
	}

	@Test
	void shouldRejectUnparseableDateNamingTheValue() {
		assertThat(validate("t", null, null, "hôm qua").rejection().reason())
			.isEqualTo("publishedAt 'hôm qua' is not a date (expected yyyy-MM-dd or ISO-8601)");
	}

	@Test
	void shouldRequireHttpUrlWhenGiven() {
		assertThat(validate("t", null, "https://xaydungdang.org.vn/bài-viết", null).article().url())
			.isEqualTo("https://xaydungdang.org.vn/bài-viết");
		assertThat(validate("t", null, "  ", null).article().url()).isNull();
		assertThat(validate("t", null, "javascript:alert(1)", null).rejection().reason())
			.isEqualTo("url 'javascript:alert(1)' is not an http(s) URL");
		assertThat(validate("t", null, "/co-so-dang/bai.html", null).rejection().reason())
			.isEqualTo("url '/co-so-dang/bai.html' is not an http(s) URL");
	}

	@Test
	void shouldRejectAUrlTooLongToBeTheArticlesIdentity() {
		// found by GraphQlFuzzIT (fuzz.seed=11): a 8,652-byte URL failed the whole
		// batch's write
		// ("Property value is too large to index")
		String base = "https://xaydungdang.org.vn/";
		String longest = base + "a".repeat(ArticleValidator.MAX_URL_BYTES - base.length());
		String flags = base + "🇻🇳".repeat(2000);

		assertThat(validate("t", null, longest, null).ok()).isTrue();
		assertThat(validate("t", null, longest + "a", null).rejection().reason())
			.isEqualTo("url is 2,049 bytes; the limit is 2,048");
		assertThat(validate("t", null, flags, null).rejection().reason())
			.isEqualTo("url is 16,027 bytes; the limit is 2,048");
	}

	@Test
	void shouldRejectADateBeforeNineteenHundredOrOutsideFourDigitYears() {
		// found while fuzzing ingestArticles: -999999999-01-01 was stored and read back
		// as +1000000000-01-01
		assertThat(validate("t", null, null, "1900-01-01").ok()).isTrue();
		assertThat(validate("t", null, null, "31/12/1899").rejection().reason())
			.isEqualTo("publishedAt '31/12/1899' is before 1900-01-01");
		assertThat(validate("t", null, null, "-999999999-01-01").rejection().reason())
			.isEqualTo("publishedAt '-999999999-01-01' is before 1900-01-01");
		assertThat(validate("t", null, null, "0001-01-01").ok()).isFalse();
	}

	@Test
	void shouldRepeatOnlyTheStartOfAVeryLongBadValue() {
		String reason = validate("t", null, "ftp://" + "x".repeat(1000), null).rejection().reason();

		assertThat(reason).hasSizeLessThan(300).startsWith("url 'ftp://xxx").endsWith("…' is not an http(s) URL");
	}

}
