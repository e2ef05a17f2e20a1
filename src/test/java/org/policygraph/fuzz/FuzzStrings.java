package org.policygraph.fuzz;

import java.text.Normalizer;
import java.util.List;
import java.util.Random;

/**
 * Strings a fuzzer feeds to text inputs: Vietnamese words and phrases (composed and
 * decomposed, with and without diacritics), boundary lengths, whitespace and control
 * characters, emoji, bidirectional and zero-width characters, query-language and markup
 * look-alikes. None contains the class-name markers {@link ResponseChecks} looks for in
 * responses.
 */
public final class FuzzStrings {

	/** Words and phrases of the domain. */
	public static final List<String> VIETNAMESE = List.of("Nghị quyết", "Nghị quyết số 22-NQ/TW", "nghi quyet 22",
			"Chỉ thị", "Kết luận số 18-KL/TW", "Kế hoạch", "Hướng dẫn", "Đắk Lắk", "Đăk Lăk", "Dak Lak", "Daklak",
			"TP.HCM", "Thành phố Hồ Chí Minh", "Hà Nội", "Nghệ An", "Sóc Trăng", "Thừa Thiên Huế", "Bà Rịa – Vũng Tàu",
			"Ban Chấp hành Trung ương", "Bộ Chính trị", "BCH TW", "Ban Bí thư", "Tỉnh ủy", "Thành ủy Vinh",
			"Ban Thường vụ Tỉnh ủy", "tổ chức cơ sở đảng", "xây dựng, chỉnh đốn Đảng", "sinh hoạt chi bộ", "đảng viên",
			"khóa X", "khoá XII", "Hội nghị Trung ương 6", "“Nâng cao năng lực lãnh đạo”", "ngày 2-2-2008",
			"Thái Bình Dương", "tư tưởng Hồ Chí Minh", "hòa bình", "hoà bình", "Quảng Ninh", "Ðảng", "Ðà Nẵng");

	private static final List<String> ODD = List.of("", " ", "  ", "\t", "\n", "\r\n", " \n\t ", "a", "0", "-1", "null",
			"undefined", "true", "NaN", "%", "%%", "_", "*", "?", "~", "\\", "\\\\", "\"", "'", "`", "\"\"\"", "“”",
			"' OR '1'='1", "'}) MATCH (n) DETACH DELETE n //", "$id", "{x}", "[]", "{}", "<mark>x</mark>",
			"<script>alert(1)</script>", "&amp;&lt;", "../../etc/passwd", "C:\\\\Windows", "\u0000", "\u0001\u0002",
			"\u001F", "\u007F", "\u0085", "\u00A0", "\u00AD", "\u200B\u200C\u200D", "\u202Eabc\u202C", "\u2028\u2029",
			"\uFEFF", "\uFFFD", "\uFFFF", "🇻🇳", "🎉👍🏽", "👨‍👩‍👧‍👦", "𝕏𝔸", "中文", "العربية", "ไทย", "ㅎ", "ǅ",
			"İ", "ß", "ﬁ", "22-NQ/TW|TW|2008-02-02", "22-NQ/TW|TW|", "|||", "TW/", "/", "sha256:", "sha256:00",
			"https://", "http://localhost/", "mailto:a@b", "javascript:alert(1)", "AND OR NOT", "title:(a OR b)^3",
			"/regex/", "a~2", "\"unclosed", "((((", "))))", "-2147483649", "1e309", "0x1F", "９９");

	private FuzzStrings() {
	}

	/**
	 * @param r the generator
	 * @return a random string of any of the kinds above, occasionally very long
	 */
	public static String any(Random r) {
		return switch (r.nextInt(10)) {
			case 0, 1, 2 -> pick(r, ODD);
			case 3, 4 -> vietnamese(r);
			case 5 -> decomposed(pick(r, VIETNAMESE));
			case 6 -> randomCodePoints(r, 1 + r.nextInt(40));
			case 7 -> combiningStorm(r);
			case 8 -> longString(r);
			default -> pick(r, ODD) + vietnamese(r) + pick(r, ODD);
		};
	}

	/**
	 * @param r the generator
	 * @return one to six Vietnamese words or phrases, maybe without diacritics or in
	 * upper case
	 */
	public static String vietnamese(Random r) {
		StringBuilder s = new StringBuilder();
		int n = 1 + r.nextInt(6);
		for (int i = 0; i < n; i++) {
			if (i > 0) {
				s.append(r.nextInt(8) == 0 ? ", " : " ");
			}
			s.append(pick(r, VIETNAMESE));
		}
		String text = s.toString();
		return switch (r.nextInt(6)) {
			case 0 -> withoutDiacritics(text);
			case 1 -> text.toUpperCase(java.util.Locale.ROOT);
			case 2 -> decomposed(text);
			default -> text;
		};
	}

	/**
	 * @param r the generator
	 * @return a string around a boundary length: 499 to 501, 1,000, 10,000 or up to
	 * 200,000 characters
	 */
	public static String longString(Random r) {
		int[] lengths = { 499, 500, 501, 999, 1000, 1001, 4096, 10_000, 65_536, 200_000 };
		int length = lengths[r.nextInt(lengths.length)];
		String unit = switch (r.nextInt(4)) {
			case 0 -> "a";
			case 1 -> "Nghị quyết ";
			case 2 -> "đ";
			default -> "🇻🇳";
		};
		int unitCodePoints = unit.codePointCount(0, unit.length());
		StringBuilder s = new StringBuilder(length * 2 + unit.length());
		for (int codePoints = 0; codePoints < length; codePoints += unitCodePoints) {
			s.append(unit);
		}
		return s.toString();
	}

	/**
	 * @param r the generator
	 * @param count how many code points
	 * @return random code points of any plane, never a lone surrogate
	 */
	public static String randomCodePoints(Random r, int count) {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < count; i++) {
			int cp;
			do {
				cp = switch (r.nextInt(4)) {
					case 0 -> r.nextInt(0x80);
					case 1 -> 0x80 + r.nextInt(0x800 - 0x80);
					case 2 -> 0x800 + r.nextInt(0x10000 - 0x800);
					default -> 0x10000 + r.nextInt(0x110000 - 0x10000);
				};
			}
			while (Character.getType(cp) == Character.SURROGATE);
			s.appendCodePoint(cp);
		}
		return s.toString();
	}

	/**
	 * @param r the generator
	 * @return a letter followed by hundreds of combining marks
	 */
	public static String combiningStorm(Random r) {
		StringBuilder s = new StringBuilder("a");
		int n = 50 + r.nextInt(500);
		for (int i = 0; i < n; i++) {
			s.append((char) (0x0300 + r.nextInt(0x70)));
		}
		return s.toString();
	}

	/**
	 * @param text any text
	 * @return the text in NFD: Vietnamese letters as base letters and combining marks
	 */
	public static String decomposed(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD);
	}

	/**
	 * @param text any text
	 * @return the text without combining marks, {@code đ} as {@code d}
	 */
	public static String withoutDiacritics(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replace('đ', 'd')
			.replace('Đ', 'D');
	}

	/**
	 * @param r the generator
	 * @param values the choices
	 * @param <T> the element type
	 * @return one of the values
	 */
	public static <T> T pick(Random r, List<T> values) {
		return values.get(r.nextInt(values.size()));
	}

}
