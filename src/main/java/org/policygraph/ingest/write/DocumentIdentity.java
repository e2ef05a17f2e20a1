package org.policygraph.ingest.write;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Which citation keys denote the same document, as a function of the set of keys alone
 * (so the answer does not depend on the order in which they arrive). Used by both
 * writers: {@link GraphWriter} (transactions) and {@link BulkGraph} (bulk import).
 * <p>
 * A key is {@code code|scope|when}; keys with the same code and scope form a group.
 * Within a group a key <em>refines</em> another when it is more specific and compatible
 * with it: a date refines its year, a date or year refines a term (khóa) whose years
 * contain it (a congress year belongs to both terms), and anything refines {@code ?}.
 * Refinement is transitive. A key whose refinements in the group have exactly one most
 * specific member (one that nothing in the group refines further) is merged into it; with
 * two or more it is kept apart as ambiguous, and the candidates are recorded; with none
 * it stands for itself.
 */
public final class DocumentIdentity {

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final Pattern YEAR = Pattern.compile("\\d{4}");

	private static final Pattern TERM = Pattern.compile("k([IVXL]+)");

	/** Most specific first, then by key: the order in which duplicates are preferred. */
	public static final Comparator<String> PREFERRED = Comparator.comparingInt(DocumentIdentity::specificity)
		.reversed()
		.thenComparing(Comparator.naturalOrder());

	private DocumentIdentity() {
	}

	/** How precisely a key says when its document was issued. */
	enum When {

		/** {@code ?}: nothing is known. */
		UNKNOWN(0),
		/** {@code kX}: the term. */
		TERM(1),
		/** {@code 2008}: the year. */
		YEAR(2),
		/** {@code 2008-02-02}: the date. */
		DATE(3),
		/** Anything else: compared with nothing. */
		OTHER(-1);

		final int rank;

		When(int rank) {
			this.rank = rank;
		}

	}

	/**
	 * @param key a document key
	 * @return {@code code|scope}, or null when the key does not have three parts
	 */
	public static @Nullable String group(String key) {
		int last = key.lastIndexOf('|');
		int first = key.indexOf('|');
		if (first <= 0 || last == first || key.indexOf('|', first + 1) != last) {
			return null;
		}
		return key.substring(0, last);
	}

	static String when(String key) {
		return key.substring(key.lastIndexOf('|') + 1);
	}

	static When kind(String key) {
		if (group(key) == null) {
			return When.OTHER;
		}
		String when = when(key);
		if ("?".equals(when)) {
			return When.UNKNOWN;
		}
		if (DATE.matcher(when).matches()) {
			return (date(when) != null) ? When.DATE : When.OTHER;
		}
		if (YEAR.matcher(when).matches()) {
			return When.YEAR;
		}
		if (TERM.matcher(when).matches() && Terms.YEARS.containsKey(when.substring(1))) {
			return When.TERM;
		}
		return When.OTHER;
	}

	static int specificity(String key) {
		return kind(key).rank;
	}

	private static @Nullable LocalDate date(String when) {
		try {
			return LocalDate.parse(when);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static int year(String key) {
		return Integer.parseInt(when(key).substring(0, 4));
	}

	/**
	 * @param specific a key
	 * @param general another key
	 * @return whether {@code specific} is more specific than {@code general} and
	 * compatible with it, in the same group
	 */
	static boolean refines(String specific, String general) {
		String group = group(specific);
		if (group == null || !group.equals(group(general))) {
			return false;
		}
		When s = kind(specific);
		When g = kind(general);
		if (s == When.OTHER || g == When.OTHER || s.rank <= g.rank) {
			return false;
		}
		return switch (g) {
			case UNKNOWN -> true;
			case TERM -> {
				List<Integer> years = Terms.YEARS.get(when(general).substring(1));
				int year = year(specific);
				yield year >= years.get(0) && year <= years.get(1);
			}
			case YEAR -> year(specific) == year(general);
			default -> false;
		};
	}

	/**
	 * Resolves a set of keys (of any groups).
	 * @param keys the keys cited
	 * @return each key's canonical key and the ambiguous keys' candidates
	 */
	public static Resolution resolve(Collection<String> keys) {
		Map<String, List<String>> groups = new LinkedHashMap<>();
		for (String key : new TreeSet<>(keys)) {
			String group = group(key);
			groups.computeIfAbsent((group != null) ? group : key, g -> new ArrayList<>()).add(key);
		}
		Map<String, String> canonical = new HashMap<>();
		Map<String, List<String>> ambiguous = new HashMap<>();
		for (List<String> members : groups.values()) {
			for (String key : members) {
				List<String> refinements = members.stream().filter(m -> refines(m, key)).toList();
				List<String> maximal = refinements.stream()
					.filter(m -> refinements.stream().noneMatch(other -> refines(other, m)))
					.toList();
				if (maximal.size() == 1) {
					canonical.put(key, maximal.get(0));
				}
				else {
					canonical.put(key, key);
					if (maximal.size() > 1) {
						ambiguous.put(key, maximal.stream().sorted().toList());
					}
				}
			}
		}
		return new Resolution(canonical, ambiguous);
	}

	/**
	 * What a key itself says of its document's date, for a node created for it from
	 * another node's properties.
	 * @param key a document key
	 * @return {@code dated}, {@code issuedOn}, {@code year}, {@code term} (absent values
	 * null)
	 */
	public static Map<String, Object> whenProperties(String key) {
		Map<String, Object> properties = new HashMap<>();
		String when = when(key);
		switch (kind(key)) {
			case DATE -> {
				LocalDate date = LocalDate.parse(when);
				properties.put("issuedOn", date);
				properties.put("year", (long) date.getYear());
			}
			case YEAR -> properties.put("year", Long.parseLong(when));
			case TERM -> properties.put("term", when.substring(1));
			default -> {
			}
		}
		properties.put("dated", properties.containsKey("year"));
		return properties;
	}

	/**
	 * The outcome for a set of keys.
	 *
	 * @param canonical every key → the key of the node that stands for it (itself when it
	 * is not merged)
	 * @param ambiguous a key kept apart → the keys it could denote
	 */
	public record Resolution(Map<String, String> canonical, Map<String, List<String>> ambiguous) {

		public String canonical(String key) {
			return this.canonical.getOrDefault(key, key);
		}

		/**
		 * @return canonical key → the other keys merged into it, sorted
		 */
		public Map<String, List<String>> mergedKeys() {
			Map<String, Set<String>> merged = new HashMap<>();
			this.canonical.forEach((key, target) -> {
				if (!key.equals(target)) {
					merged.computeIfAbsent(target, t -> new TreeSet<>()).add(key);
				}
			});
			Map<String, List<String>> result = new HashMap<>();
			merged.forEach((target, keys) -> result.put(target, List.copyOf(keys)));
			return result;
		}

	}

}
