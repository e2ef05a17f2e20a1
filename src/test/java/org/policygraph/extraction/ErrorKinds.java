package org.policygraph.extraction;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.policygraph.reference.ProvinceGazetteer;

/**
 * Sorts the differences between the labels of one article and what the extractor found
 * into error kinds, from the keys and the article's text alone (nothing per article): a
 * document whose code matches but whose date differs, a district body named with its
 * province, an issuer that differs, a province named only as a location, a chain of
 * documents across sentences … A relation whose endpoint is a document or body with a
 * wrong key is counted as following that key error, not as a relation error of its own.
 */
final class ErrorKinds {

	static final String MISSED_DATE_COORDINATED = "document: date missed on coordinated codes";

	static final String DOCUMENT_DATE = "document: date differs (same code and scope)";

	static final String DOCUMENT_SCOPE = "document: scope differs (same code)";

	static final String CONGRESS = "congress resolution";

	static final String PLENUM = "plenum resolution";

	static final String UNRESOLVED_SHORT = "document: unresolved short name";

	static final String MISSED_DOCUMENT = "document: missed";

	static final String SPURIOUS_DOCUMENT = "document: spurious";

	static final String DISTRICT_BODY_NAME = "body: district name with province appended or cut";

	static final String BODY_PROVINCE = "body: same name, other province";

	static final String MISSED_BODY = "body: missed";

	static final String SPURIOUS_BODY = "body: spurious";

	static final String MISSED_PROVINCE = "province: missed";

	static final String SPURIOUS_PROVINCE = "province: spurious";

	static final String FOLLOWS_KEY = "relation follows a document/body key error (label/key mismatch)";

	static final String WRONG_ISSUER = "ISSUED_BY: wrong issuer";

	static final String MISSED_ISSUER = "ISSUED_BY: missed";

	static final String SPURIOUS_ISSUER = "ISSUED_BY: spurious";

	static final String CHAIN_THROUGH_DOCUMENT = "IMPLEMENTS: chain through an intermediate document";

	static final String CROSS_SENTENCE = "IMPLEMENTS: cross-sentence chain";

	static final String MISSED_DOCUMENT_IMPLEMENTS = "IMPLEMENTS: missed document -> document in one sentence";

	static final String SPURIOUS_DOCUMENT_IMPLEMENTS = "IMPLEMENTS: spurious document -> document";

	static final String LOCATION_ONLY_PROVINCE = "IMPLEMENTS: province named only as a location";

	static final String WRONG_PROVINCE_IMPLEMENTS = "IMPLEMENTS: another province implements";

	static final String MISSED_PROVINCE_IMPLEMENTS = "IMPLEMENTS: missed province -> document";

	static final String SPURIOUS_PROVINCE_IMPLEMENTS = "IMPLEMENTS: spurious province -> document";

	/**
	 * One classified difference: its kind, whether it was missing (else extra), the item.
	 */
	record Classified(String kind, boolean missing, String item) {
	}

	/**
	 * Labels and extraction of one article, per scored kind ("provinces", "bodies",
	 * "documents", "ISSUED_BY", "IMPLEMENTS").
	 */
	record Article(String text, Map<String, Set<String>> expected, Map<String, Set<String>> actual) {

		Set<String> missing(String kind) {
			Set<String> out = new LinkedHashSet<>(this.expected.get(kind));
			out.removeAll(this.actual.get(kind));
			return out;
		}

		Set<String> extra(String kind) {
			Set<String> out = new LinkedHashSet<>(this.actual.get(kind));
			out.removeAll(this.expected.get(kind));
			return out;
		}

	}

	private ErrorKinds() {
	}

	/** Every difference of the article, classified. */
	static List<Classified> classify(Article a) {
		List<Classified> out = new ArrayList<>();
		Set<String> wrongKeys = new LinkedHashSet<>();
		documents(a, out, wrongKeys);
		bodies(a, out, wrongKeys);
		for (String p : a.missing("provinces")) {
			out.add(new Classified(MISSED_PROVINCE, true, p));
		}
		for (String p : a.extra("provinces")) {
			out.add(new Classified(SPURIOUS_PROVINCE, false, p));
		}
		issuers(a, out, wrongKeys);
		implementations(a, out, wrongKeys);
		return out;
	}

	private static void documents(Article a, List<Classified> out, Set<String> wrongKeys) {
		Set<String> extra = a.extra("documents");
		for (String m : a.missing("documents")) {
			String[] mk = m.split("\\|", -1);
			String paired = null;
			for (String e : extra) {
				String[] ek = e.split("\\|", -1);
				if (ek[0].equals(mk[0]) && (paired == null || ek[1].equals(mk[1]))) {
					paired = e;
				}
			}
			String kind;
			if (paired != null) {
				extra.remove(paired);
				wrongKeys.add(m);
				wrongKeys.add(paired);
				String[] ek = paired.split("\\|", -1);
				if (!ek[1].equals(mk[1])) {
					kind = DOCUMENT_SCOPE;
				}
				else if (isDate(mk[2]) && !isDate(ek[2]) && coordinated(a.text, mk[0])) {
					kind = MISSED_DATE_COORDINATED;
				}
				else {
					kind = DOCUMENT_DATE;
				}
				out.add(new Classified(kind, true, m + " ≠ " + paired));
				continue;
			}
			out.add(new Classified(documentKind(m, MISSED_DOCUMENT), true, m));
		}
		for (String e : extra) {
			out.add(new Classified(documentKind(e, SPURIOUS_DOCUMENT), false, e));
		}
	}

	private static String documentKind(String key, String otherwise) {
		if (key.startsWith("NQ-DH-")) {
			return CONGRESS;
		}
		if (key.startsWith("NQ-TW") || key.startsWith("KL-TW")) {
			return PLENUM;
		}
		if (key.endsWith("|?|?")) {
			return UNRESOLVED_SHORT;
		}
		return otherwise;
	}

	private static void bodies(Article a, List<Classified> out, Set<String> wrongKeys) {
		Set<String> extra = a.extra("bodies");
		for (String m : a.missing("bodies")) {
			String kind = MISSED_BODY;
			String paired = null;
			for (String e : extra) {
				if (sameProvince(m, e) && (slug(e).startsWith(slug(m) + "-") || slug(m).startsWith(slug(e) + "-"))) {
					paired = e;
					kind = DISTRICT_BODY_NAME;
				}
				else if (paired == null && slug(e).equals(slug(m))) {
					paired = e;
					kind = BODY_PROVINCE;
				}
			}
			if (paired != null) {
				extra.remove(paired);
				wrongKeys.add(m);
				wrongKeys.add(paired);
				out.add(new Classified(kind, true, m + " ≠ " + paired));
			}
			else {
				out.add(new Classified(kind, true, m));
			}
		}
		for (String e : extra) {
			out.add(new Classified(SPURIOUS_BODY, false, e));
		}
	}

	private static void issuers(Article a, List<Classified> out, Set<String> wrongKeys) {
		Set<String> extra = a.extra("ISSUED_BY");
		for (String m : a.missing("ISSUED_BY")) {
			String[] p = pair(m);
			if (wrongKeys.contains(p[0]) || wrongKeys.contains(p[1])) {
				out.add(new Classified(FOLLOWS_KEY, true, m));
				continue;
			}
			String paired = null;
			for (String e : extra) {
				if (pair(e)[0].equals(p[0]) && !wrongKeys.contains(pair(e)[1])) {
					paired = e;
				}
			}
			if (paired != null) {
				extra.remove(paired);
				out.add(new Classified(p[0].startsWith("NQ-DH-") ? CONGRESS : WRONG_ISSUER, true,
						m + " ≠ " + pair(paired)[1]));
			}
			else {
				out.add(new Classified(p[0].startsWith("NQ-DH-") ? CONGRESS : MISSED_ISSUER, true, m));
			}
		}
		for (String e : extra) {
			String[] p = pair(e);
			String kind = wrongKeys.contains(p[0]) || wrongKeys.contains(p[1]) ? FOLLOWS_KEY
					: p[0].startsWith("NQ-DH-") ? CONGRESS : SPURIOUS_ISSUER;
			out.add(new Classified(kind, false, e));
		}
	}

	private static void implementations(Article a, List<Classified> out, Set<String> wrongKeys) {
		Set<String> labelled = a.expected.get("IMPLEMENTS");
		List<String> sentences = sentences(a.text);
		Set<String> extra = a.extra("IMPLEMENTS");
		for (String m : a.missing("IMPLEMENTS")) {
			String[] p = pair(m);
			String kind;
			if (wrongKeys.contains(p[0]) || wrongKeys.contains(p[1])) {
				kind = FOLLOWS_KEY;
			}
			else if (p[0].startsWith("NQ-DH-") || p[1].startsWith("NQ-DH-")) {
				kind = CONGRESS;
			}
			else if (isProvince(p[0])) {
				String other = null;
				for (String e : extra) {
					if (isProvince(pair(e)[0]) && pair(e)[1].equals(p[1])) {
						other = e;
					}
				}
				if (other != null) {
					extra.remove(other);
					out.add(new Classified(WRONG_PROVINCE_IMPLEMENTS, true, m + " ≠ " + pair(other)[0]));
					continue;
				}
				kind = MISSED_PROVINCE_IMPLEMENTS;
			}
			else if (throughAnother(labelled, p[0], p[1])) {
				kind = CHAIN_THROUGH_DOCUMENT;
			}
			else if (!sameSentence(sentences, p[0], p[1])) {
				kind = CROSS_SENTENCE;
			}
			else {
				kind = MISSED_DOCUMENT_IMPLEMENTS;
			}
			out.add(new Classified(kind, true, m));
		}
		for (String e : extra) {
			String[] p = pair(e);
			String kind;
			if (wrongKeys.contains(p[0]) || wrongKeys.contains(p[1])) {
				kind = FOLLOWS_KEY;
			}
			else if (p[0].startsWith("NQ-DH-") || p[1].startsWith("NQ-DH-")) {
				kind = CONGRESS;
			}
			else if (isProvince(p[0])) {
				kind = namedOnlyAsLocation(a, p[0]) ? LOCATION_ONLY_PROVINCE : SPURIOUS_PROVINCE_IMPLEMENTS;
			}
			else {
				kind = SPURIOUS_DOCUMENT_IMPLEMENTS;
			}
			out.add(new Classified(kind, false, e));
		}
	}

	private static boolean throughAnother(Set<String> labelled, String from, String to) {
		for (String r : labelled) {
			String[] p = pair(r);
			if (p[0].equals(from) && !p[1].equals(to) && labelled.contains(p[1] + " -> " + to)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the province implementing is labelled nowhere else in the article (no
	 * labelled relation starts from it and no labelled body is in it), and its name is in
	 * the text after "tại"/"ở" or in brackets.
	 */
	private static boolean namedOnlyAsLocation(Article a, String province) {
		for (String r : a.expected.get("IMPLEMENTS")) {
			if (pair(r)[0].equals(province)) {
				return false;
			}
		}
		for (String b : a.expected.get("bodies")) {
			if (b.startsWith(province + "/")) {
				return false;
			}
		}
		String name = GAZETTEER.byKey(province).map(u -> fold(u.name())).orElse(null);
		if (name == null) {
			return false;
		}
		return Pattern
			.compile("(?:\\b(?:tai|o)\\s+(?:[^\\s,.;]+\\s+){1,6}|[^\\s(]\\s*\\(\\s*)(?:tinh\\s+|thanh pho\\s+)?"
					+ Pattern.quote(name))
			.matcher(fold(a.text))
			.find();
	}

	private static final ProvinceGazetteer GAZETTEER = ProvinceGazetteer.load();

	private static boolean sameSentence(List<String> sentences, String from, String to) {
		Pattern a = citation(from);
		Pattern b = citation(to);
		if (a == null || b == null) {
			return true;
		}
		for (String s : sentences) {
			if (a.matcher(s).find() && b.matcher(s).find()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * How a code is written in the (folded) text: "48-KH/TU" as "48 - kh/tu", "số 48" is
	 * not enough.
	 */
	private static Pattern citation(String key) {
		String code = key.split("\\|", -1)[0];
		Matcher m = CODE.matcher(code);
		if (!m.matches()) {
			return null;
		}
		String number = String.valueOf(Integer.parseInt(m.group(1)));
		return Pattern.compile("(?<![0-9])0*" + number + "(?:\\s*[-/]\\s*" + Pattern.quote(fold(m.group(2)))
				+ "(?:\\s*[/-]\\s*" + Pattern.quote(fold(m.group(3))) + ")?|(?![0-9/-]))");
	}

	private static final Pattern CODE = Pattern.compile("(\\d+)-([^/]+)/(.+)");

	/**
	 * Whether a code is written in a list: followed by a comma or "và" and another
	 * citation.
	 */
	private static boolean coordinated(String text, String code) {
		Matcher m = CODE.matcher(code);
		if (!m.matches()) {
			return false;
		}
		Pattern p = Pattern.compile("(?<![0-9])0*" + Integer.parseInt(m.group(1)) + "\\s*-\\s*"
				+ Pattern.quote(fold(m.group(2))) + "\\s*/\\s*" + Pattern.quote(fold(m.group(3)))
				+ "\\s*(?:,|va\\s)\\s*(?:nghi quyet|chi thi|ket luan|quy dinh|so|\\d)");
		return p.matcher(fold(text)).find();
	}

	private static List<String> sentences(String text) {
		List<String> out = new ArrayList<>();
		for (String s : fold(text).split("(?<=[.!?])\\s+(?=[a-z0-9\"])|\\n+")) {
			out.add(s);
		}
		return out;
	}

	private static boolean isDate(String when) {
		return when.length() == 10 && when.charAt(4) == '-';
	}

	private static boolean isProvince(String key) {
		return !key.contains("|") && !key.contains("/");
	}

	private static boolean sameProvince(String a, String b) {
		return a.substring(0, a.indexOf('/')).equals(b.substring(0, b.indexOf('/')));
	}

	private static String slug(String bodyKey) {
		return bodyKey.substring(bodyKey.indexOf('/') + 1);
	}

	private static String[] pair(String relation) {
		int arrow = relation.indexOf(" -> ");
		return new String[] { relation.substring(0, arrow), relation.substring(arrow + 4) };
	}

	static String fold(String text) {
		String d = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
		return d.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
	}

}
