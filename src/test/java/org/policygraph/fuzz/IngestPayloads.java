package org.policygraph.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random and mutated payloads for the {@code ingestArticles} mutation: well-formed
 * Vietnamese articles citing documents, then truncated, stuffed with control characters
 * and emoji, grown to around the 1 MiB text limit, given impossible or future dates, odd
 * URLs, duplicate URLs, nulls and missing fields.
 *
 * <p>
 * A call that writes (no dry run) only ever carries URLs under {@link #prefix()} and
 * cites documents numbered 9000 and above, which no other test uses, so that everything
 * it wrote can be found and removed afterwards. Dry runs carry anything.
 */
public final class IngestPayloads {

	/**
	 * One generated call.
	 *
	 * @param request the HTTP request
	 * @param articles the number of input articles
	 * @param writes whether the call may write (no dry run and editor credentials)
	 */
	public record Call(FuzzRequest request, int articles, boolean writes) {
	}

	private static final List<String> PROVINCES = List.of("Nghệ An", "Thanh Hóa", "Đắk Lắk", "Sóc Trăng", "Hà Nội",
			"Quảng Ninh", "Cà Mau", "Lào Cai", "Thừa Thiên Huế", "Bà Rịa - Vũng Tàu", "TP.HCM", "Tuyên Quang");

	private static final List<String> SUBJECTS = List.of("công tác cán bộ", "xây dựng, chỉnh đốn Đảng",
			"nâng cao chất lượng sinh hoạt chi bộ", "phát triển kinh tế biển", "chuyển đổi số");

	private static final List<String> CENTRAL_ISSUERS = List.of("Bộ Chính trị", "Ban Bí thư",
			"Ban Chấp hành Trung ương Đảng (khóa XII)", "BCH Trung ương");

	private static final List<String> TYPES = List.of("Nghị quyết số %d-NQ/TW", "Chỉ thị số %d-CT/TW",
			"Kết luận số %d-KL/TW", "Quy định số %d-QĐ/TW");

	private static final List<String> BAD_DATES = List.of("2019-02-30", "2019-13-01", "31/12/2019", "1/1/2019",
			"2019-1-1", "01-01-2019", "2019/01/01", "tomorrow", "", " ", "2999-01-01", "+999999999-01-01",
			"-999999999-01-01", "0001-01-01", "0000-01-01", "1900-01-01", "2019-01-01T25:00:00Z",
			"2019-01-01T10:00:00+14:00", "2019-01-01T10:00:00[Asia/Ho_Chi_Minh]", "2019-01-01T00:00:00.000000001Z",
			"20190101", "2019-W01-1", "\u0000", "2019-01-01\u0000", "１９-０１-２０１９");

	private static final String DOCUMENT = resource("graphql-test/ingestArticles.graphql");

	private final String prefix;

	private final String editorAuthorization;

	/**
	 * @param prefix the URL prefix of every article a writing call carries
	 * @param editorAuthorization the editor's {@code Authorization} header value
	 */
	public IngestPayloads(String prefix, String editorAuthorization) {
		this.prefix = prefix;
		this.editorAuthorization = editorAuthorization;
	}

	/**
	 * @return the URL prefix of every article a writing call carries
	 */
	public String prefix() {
		return this.prefix;
	}

	/**
	 * @param r the generator
	 * @return a random ingest call
	 */
	public Call next(Random r) {
		boolean dryRun = r.nextInt(3) > 0;
		int count = switch (r.nextInt(12)) {
			case 0 -> 0;
			case 1 -> 10 + r.nextInt(40);
			default -> 1 + r.nextInt(5);
		};
		List<Map<String, Object>> articles = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			articles.add(article(r, dryRun));
		}
		if (dryRun && r.nextInt(40) == 0) {
			// over the per-call limit
			for (int i = articles.size(); i <= 1000; i++) {
				articles.add(Map.of("title", "t" + i));
			}
		}
		if (count > 1 && r.nextInt(5) == 0) {
			articles.add(new LinkedHashMap<>(articles.get(r.nextInt(articles.size()))));
		}
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("articles", articles);
		if (dryRun || r.nextBoolean()) {
			input.put("dryRun", dryRun ? Boolean.TRUE : Boolean.FALSE);
		}
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "application/json");
		int auth = r.nextInt(20);
		boolean editor = auth > 1;
		if (editor) {
			headers.put("Authorization", this.editorAuthorization);
		}
		else if (auth == 1) {
			headers.put("Authorization", GraphQlRequests.basic("editor", "not-the-password"));
		}
		byte[] body;
		String kind = "ingest (" + articles.size() + " articles" + (dryRun ? ", dry run" : "") + ")";
		if (r.nextInt(4) == 0) {
			String literal = Literals.literal(input, null);
			body = GraphQlRequests.body(DOCUMENT.replace("($input: IngestArticlesInput!)", "")
				.replace("(input: $input)", "(input: " + literal + ")"), Map.of(), null);
			kind += " as a literal";
		}
		else {
			body = GraphQlRequests.body(DOCUMENT, Map.of("input", input), null);
		}
		FuzzRequest request = FuzzRequest.post(kind, headers, body)
			.expectingRootKeys(Set.of("ingestArticles"))
			.asIngest();
		return new Call(request, articles.size(), !dryRun && editor);
	}

	private Map<String, Object> article(Random r, boolean dryRun) {
		Map<String, Object> a = new LinkedHashMap<>();
		int number = 9000 + r.nextInt(1000);
		int localNumber = 9000 + r.nextInt(1000);
		int year = 2016 + r.nextInt(8);
		String province = FuzzStrings.pick(r, PROVINCES);
		String citation = String.format(FuzzStrings.pick(r, TYPES), number);
		String issued = " ngày " + (1 + r.nextInt(28)) + "-" + (1 + r.nextInt(12)) + "-" + year;
		String title = province + " triển khai " + citation;
		String text = "Thực hiện " + citation + issued + " của " + FuzzStrings.pick(r, CENTRAL_ISSUERS) + " về "
				+ FuzzStrings.pick(r, SUBJECTS) + ", Ban Thường vụ Tỉnh ủy " + province + " đã ban hành Kế hoạch số "
				+ localNumber + "-KH/TU ngày " + (1 + r.nextInt(28)) + "-" + (1 + r.nextInt(12)) + "-" + (year + 1)
				+ " để triển khai thực hiện.\n\nCác cấp ủy, tổ chức đảng quán triệt sâu sắc tinh thần của văn bản.";
		if (dryRun && r.nextInt(3) == 0) {
			text = "Thực hiện Nghị quyết số 22-NQ/TW ngày 2-2-2008 của BCH Trung ương Đảng (khóa X), Tỉnh ủy "
					+ province + " ban hành Kế hoạch số 48-KH/TU. " + FuzzStrings.vietnamese(r);
		}
		a.put("url", url(r, dryRun));
		a.put("title", title);
		a.put("text", text);
		a.put("publishedAt", year + 1 + "-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(10));
		a.put("source", FuzzStrings.pick(r, List.of("Xây dựng Đảng", "Báo Nhân Dân", "fuzz")));
		if (r.nextBoolean()) {
			a.put("category", FuzzStrings.pick(r, List.of("Xây dựng Đảng", "Thời sự", "")));
		}
		int mutations = r.nextInt(4);
		for (int i = 0; i < mutations; i++) {
			mutate(r, a, dryRun);
		}
		if (!dryRun) {
			// a writing call never cites the documents of the sample articles
			a.replaceAll((key, value) -> (value instanceof String s)
					? s.replace("22-NQ/TW", "9022-NQ/TW").replace("18-KL/TW", "9018-KL/TW") : value);
		}
		return a;
	}

	private String url(Random r, boolean dryRun) {
		String slug = "a" + Long.toUnsignedString(r.nextLong(), 36);
		if (dryRun && r.nextInt(4) == 0) {
			return FuzzStrings.pick(r,
					List.of("", "not a url", "ftp://x/y", "https://", "http://[::1", "http://%zz",
							"https://example.org/" + slug, "//example.org/x", "javascript:alert(1)", "https://x/\u0000",
							"HTTPS://EXAMPLE.ORG/" + slug, "https://example.org/" + slug + "#fragment", "mailto:a@b"));
		}
		return this.prefix + slug;
	}

	private void mutate(Random r, Map<String, Object> a, boolean dryRun) {
		String field = FuzzStrings.pick(r,
				List.of("title", "text", "text", "publishedAt", "url", "source", "category", "summary", "null"));
		String title = java.util.Objects.toString(a.get("title"), "");
		String text = java.util.Objects.toString(a.get("text"), "");
		switch (field) {
			case "title" -> a.put("title", switch (r.nextInt(9)) {
				case 0 -> null;
				case 1 -> "";
				case 2 -> " \t\n ";
				case 3 -> "🇻🇳".repeat(999 + r.nextInt(3));
				case 4 -> "Đ".repeat(1000 + r.nextInt(2));
				case 5 -> truncate(r, title);
				case 6 -> withControl(r, title);
				case 7 -> FuzzStrings.decomposed(title);
				default -> FuzzStrings.any(r);
			});
			case "text" -> a.put("text", switch (r.nextInt(10)) {
				case 0 -> null;
				case 1 -> "";
				case 2 -> truncate(r, text);
				case 3 -> withControl(r, text);
				case 4 -> text + " 🎉👍🏽👨‍👩‍👧‍👦 " + FuzzStrings.randomCodePoints(r, 30);
				case 5 -> aroundTheLimit(r, text);
				case 6 -> FuzzStrings.combiningStorm(r) + text;
				case 7 -> dryRun ? citationStorm(r) : text + "\n\n" + FuzzStrings.longString(r);
				case 8 -> FuzzStrings.decomposed(text);
				default -> FuzzStrings.any(r);
			});
			case "publishedAt" -> a.put("publishedAt", r.nextInt(8) == 0 ? null : FuzzStrings.pick(r, BAD_DATES));
			case "url" -> {
				String url = (String) a.get("url");
				String base = (url != null && url.startsWith(this.prefix)) ? url : this.prefix + "u";
				a.put("url", switch (r.nextInt(10)) {
					case 0 -> dryRun ? null : base;
					case 1 -> base + "?a=1&b=đ";
					case 2 -> base + "#fragment";
					case 3 -> base + "/" + "x".repeat(1000 + r.nextInt(60_000));
					case 4 -> base + " trailing";
					case 5 -> "  " + base + "  ";
					case 6 -> base + "/%zz";
					case 7 -> base + "/\u0000\u0007";
					case 8 -> base + "/đường-dẫn/" + FuzzStrings.randomCodePoints(r, 10);
					default -> base + "/" + "🇻🇳".repeat(1 + r.nextInt(2000));
				});
			}
			case "source" -> a.put("source", r.nextBoolean() ? null : FuzzStrings.any(r));
			case "category" -> a.put("category", r.nextBoolean() ? null : FuzzStrings.any(r));
			case "summary" -> {
				a.put("summary", a.get("text"));
				if (r.nextBoolean()) {
					a.remove("text");
				}
			}
			default -> {
				List<String> keys = new ArrayList<>(a.keySet());
				String key = FuzzStrings.pick(r, keys);
				if (!key.equals("url") || dryRun) {
					if (r.nextBoolean()) {
						a.remove(key);
					}
					else {
						a.put(key, null);
					}
				}
			}
		}
	}

	private static String truncate(Random r, String s) {
		if (s == null || s.isEmpty()) {
			return s;
		}
		int cut = r.nextInt(s.length());
		if (cut > 0 && Character.isHighSurrogate(s.charAt(cut - 1))) {
			cut--;
		}
		return s.substring(0, cut);
	}

	private static String withControl(Random r, String s) {
		StringBuilder out = new StringBuilder(s == null ? "" : s);
		int n = 1 + r.nextInt(10);
		for (int i = 0; i < n; i++) {
			int at = r.nextInt(out.length() + 1);
			if (at > 0 && at < out.length() && Character.isLowSurrogate(out.charAt(at))) {
				at--;
			}
			out.insert(at, (char) (r.nextBoolean() ? r.nextInt(0x20) : 0x7F + r.nextInt(0x21)));
		}
		return out.toString();
	}

	/** A text of about 1 MiB of UTF-8: just under, at, or just over the limit. */
	private static String aroundTheLimit(Random r, String lead) {
		int target = 1_048_576 + (r.nextInt(9) - 4) * (r.nextBoolean() ? 1 : 1000);
		StringBuilder s = new StringBuilder(target);
		s.append(lead == null ? "" : lead).append("\n\n");
		String unit = r.nextBoolean() ? "a" : "đ";
		int bytes = s.toString().getBytes(StandardCharsets.UTF_8).length;
		int unitBytes = unit.getBytes(StandardCharsets.UTF_8).length;
		while (bytes + unitBytes <= target) {
			s.append(unit);
			bytes += unitBytes;
		}
		while (bytes < target) {
			s.append('b');
			bytes++;
		}
		return s.toString();
	}

	private static String citationStorm(Random r) {
		StringBuilder s = new StringBuilder("Tỉnh ủy Nghệ An triển khai ");
		int n = 50 + r.nextInt(2000);
		for (int i = 0; i < n; i++) {
			s.append("Nghị quyết số ")
				.append(r.nextInt(100_000))
				.append("-NQ/TW ngày ")
				.append(1 + r.nextInt(28))
				.append('-')
				.append(1 + r.nextInt(12))
				.append('-')
				.append(1950 + r.nextInt(75))
				.append(", ");
		}
		return s.append("và các văn bản khác.").toString();
	}

	private static String resource(String path) {
		try (InputStream in = IngestPayloads.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("no test resource " + path);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
