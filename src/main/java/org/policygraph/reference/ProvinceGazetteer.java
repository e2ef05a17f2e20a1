package org.policygraph.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The provincial units of Viet Nam before and after the merger of 1-7-2025, with the
 * spellings seen in articles, and the district-level cities used to place district party
 * committees.
 *
 * <p>
 * Immutable and thread-safe. Data: {@code reference/provinces.tsv},
 * {@code reference/districts.tsv} and {@code reference/province-names.tsv} (former names)
 * on the classpath.
 */
public final class ProvinceGazetteer {

	/** The day the 34 units replaced the 63. */
	public static final LocalDate MERGER_DATE = LocalDate.of(2025, 7, 1);

	private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

	private static final String[] PREFIXES = { "thanh pho truc thuoc trung uong ", "thanh pho ", "tinh ", "tp ",
			"t p " };

	private final List<ProvinceUnit> units;

	private final Map<String, ProvinceUnit> byKey;

	/**
	 * Folded spelling (words separated by one space) → units using it, pre-2025/BOTH
	 * first.
	 */
	private final Map<String, List<ProvinceUnit>> bySpelling;

	private final List<District> districts;

	private final Map<String, District> districtBySpelling;

	/**
	 * Key → the names the unit carried before its present one, each with the first day of
	 * the next name.
	 */
	private final Map<String, List<FormerName>> formerNames;

	/** A name a unit carried until a day. */
	private record FormerName(String name, LocalDate until) {
	}

	private ProvinceGazetteer(List<ProvinceUnit> units, List<District> districts,
			Map<String, List<FormerName>> formerNames) {
		this.formerNames = Map.copyOf(formerNames);
		this.units = List.copyOf(units);
		Map<String, ProvinceUnit> keys = new LinkedHashMap<>();
		Map<String, List<ProvinceUnit>> spellings = new HashMap<>();
		for (ProvinceUnit unit : this.units) {
			if (keys.put(unit.key(), unit) != null) {
				throw new IllegalStateException("Duplicate province key " + unit.key());
			}
			addSpelling(spellings, unit.name(), unit);
			for (String alias : unit.aliases()) {
				addSpelling(spellings, alias, unit);
			}
		}
		spellings.replaceAll((k, v) -> List.copyOf(v));
		this.byKey = Map.copyOf(keys);
		this.bySpelling = Map.copyOf(spellings);
		this.districts = List.copyOf(districts);
		Map<String, District> districtSpellings = new HashMap<>();
		for (District district : this.districts) {
			districtSpellings.putIfAbsent(searchKey(district.name()), district);
		}
		this.districtBySpelling = Map.copyOf(districtSpellings);
		for (ProvinceUnit unit : this.units) {
			if (unit.mergedIntoKey() != null && !this.byKey.containsKey(unit.mergedIntoKey())) {
				throw new IllegalStateException(unit.key() + " merged into unknown " + unit.mergedIntoKey());
			}
		}
	}

	/**
	 * Loads the gazetteer from {@code reference/provinces.tsv} and
	 * {@code reference/districts.tsv}.
	 */
	public static ProvinceGazetteer load() {
		return Holder.INSTANCE;
	}

	private static ProvinceGazetteer read() {
		List<ProvinceUnit> units = new ArrayList<>();
		for (String[] row : ResourceLines.read("reference/provinces.tsv")) {
			String aliasCell = ResourceLines.cell(row, 6);
			List<String> aliases = aliasCell.isEmpty() ? List.of()
					: Arrays.stream(aliasCell.split("\\|")).map(TextNormalizer::nfc).filter(s -> !s.isEmpty()).toList();
			String gso = ResourceLines.cell(row, 2);
			String merged = ResourceLines.cell(row, 4);
			units.add(new ProvinceUnit(row[0], TextNormalizer.nfc(row[1]), gso.isEmpty() ? null : gso,
					Era.valueOf(row[3]), merged.isEmpty() ? null : merged, aliases, ResourceLines.cell(row, 5)));
		}
		List<District> districts = new ArrayList<>();
		for (String[] row : ResourceLines.read("reference/districts.tsv")) {
			districts.add(new District(TextNormalizer.nfc(row[0]), row[1], ResourceLines.cell(row, 2)));
		}
		Map<String, List<FormerName>> formerNames = new HashMap<>();
		for (String[] row : ResourceLines.read("reference/province-names.tsv")) {
			formerNames.computeIfAbsent(row[0], k -> new ArrayList<>())
				.add(new FormerName(TextNormalizer.nfc(row[1]), LocalDate.parse(row[2])));
		}
		formerNames.replaceAll((k, v) -> v.stream().sorted(java.util.Comparator.comparing(FormerName::until)).toList());
		return new ProvinceGazetteer(units, districts, formerNames);
	}

	/** Every unit: the 63 pre-2025 units (GSO order) then the 23 merged units. */
	public List<ProvinceUnit> all() {
		return this.units;
	}

	/** The unit with this key ({@code "66"}, {@code "66-2025"}). */
	public Optional<ProvinceUnit> byKey(String key) {
		return key == null ? Optional.empty() : Optional.ofNullable(this.byKey.get(key.strip()));
	}

	/** The 63 units that existed until 30-6-2025. */
	public List<ProvinceUnit> pre2025() {
		return this.units.stream().filter(ProvinceUnit::existedBeforeMerger).toList();
	}

	/** The 34 units that exist from 1-7-2025. */
	public List<ProvinceUnit> post2025() {
		return this.units.stream().filter(ProvinceUnit::existsAfterMerger).toList();
	}

	/**
	 * The unit named by {@code anySpelling}: any alias, NFC or NFD, either tone-mark
	 * convention, with or without diacritics, with or without a
	 * {@code tỉnh}/{@code thành phố}/{@code TP.} prefix, or a GSO code or key. When an
	 * old and a new unit share the name the old (or unchanged) unit is returned.
	 */
	public Optional<ProvinceUnit> lookup(String anySpelling) {
		List<ProvinceUnit> candidates = candidates(anySpelling);
		if (candidates.isEmpty()) {
			return Optional.empty();
		}
		for (ProvinceUnit unit : candidates) {
			if (unit.existedBeforeMerger()) {
				return Optional.of(unit);
			}
		}
		return Optional.of(candidates.get(0));
	}

	/**
	 * Like {@link #lookup(String)}, but on or after 1-7-2025 a name that belongs to one
	 * of the 34 current units gives that unit ({@code Đắk Lắk} in 2026 is
	 * {@code 66-2025}). A {@code null} date behaves like {@link #lookup(String)}.
	 */
	public Optional<ProvinceUnit> lookup(String anySpelling, LocalDate asOf) {
		if (asOf == null || asOf.isBefore(MERGER_DATE)) {
			return lookup(anySpelling);
		}
		List<ProvinceUnit> candidates = candidates(anySpelling);
		for (ProvinceUnit unit : candidates) {
			if (unit.existsAfterMerger()) {
				return Optional.of(unit);
			}
		}
		return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(0));
	}

	/**
	 * The unit that carried {@code unit}'s name on {@code date}: a merged unit before
	 * 1-7-2025 gives its predecessor of the same name, an old unit after that date gives
	 * the merged unit of the same name. Otherwise, or with a {@code null} date,
	 * {@code unit} itself.
	 */
	public ProvinceUnit atDate(ProvinceUnit unit, LocalDate date) {
		if (unit == null || date == null) {
			return unit;
		}
		boolean after = !date.isBefore(MERGER_DATE);
		if (after && unit.era() == Era.PRE_2025 && unit.mergedIntoKey() != null) {
			ProvinceUnit merged = this.byKey.get(unit.mergedIntoKey());
			if (merged.name().equals(unit.name())) {
				return merged;
			}
		}
		if (!after && unit.era() == Era.POST_2025) {
			for (ProvinceUnit predecessor : predecessors(unit.key())) {
				if (predecessor.name().equals(unit.name())) {
					return predecessor;
				}
			}
		}
		return unit;
	}

	/**
	 * The pre-2025 units merged into the unit with this key: the one whose name it keeps
	 * first, then the others in GSO order ({@code 79-2025} → 79, 74, 77). Empty for other
	 * units.
	 */
	public List<ProvinceUnit> predecessors(String key) {
		ProvinceUnit unit = this.byKey.get(key);
		if (unit == null) {
			return List.of();
		}
		List<ProvinceUnit> result = new ArrayList<>();
		for (ProvinceUnit candidate : this.units) {
			if (key.equals(candidate.mergedIntoKey())) {
				if (candidate.name().equals(unit.name())) {
					result.add(0, candidate);
				}
				else {
					result.add(candidate);
				}
			}
		}
		return List.copyOf(result);
	}

	/**
	 * The name {@code unit} carried on {@code date}: {@code Thừa Thiên Huế} for unit 46
	 * before 1-1-2025, its present name from then on or with a {@code null} date.
	 */
	public String nameAt(ProvinceUnit unit, LocalDate date) {
		if (unit == null) {
			return null;
		}
		if (date != null) {
			for (FormerName former : this.formerNames.getOrDefault(unit.key(), List.of())) {
				if (date.isBefore(former.until())) {
					return former.name();
				}
			}
		}
		return unit.name();
	}

	/** The district-level cities known to the gazetteer. */
	public List<District> districts() {
		return this.districts;
	}

	/**
	 * The district-level city with this name (any spelling, with or without
	 * {@code thành phố}).
	 */
	public Optional<District> district(String anySpelling) {
		if (anySpelling == null) {
			return Optional.empty();
		}
		String key = searchKey(anySpelling);
		District district = this.districtBySpelling.get(key);
		if (district == null) {
			for (String prefix : PREFIXES) {
				if (key.startsWith(prefix)) {
					district = this.districtBySpelling.get(key.substring(prefix.length()));
					break;
				}
			}
		}
		return Optional.ofNullable(district);
	}

	/**
	 * The folded form used to compare spellings: folded, words separated by single
	 * spaces.
	 */
	public static String searchKey(String text) {
		String folded = TextNormalizer.fold(text);
		return NON_ALNUM.matcher(folded).replaceAll(" ").trim();
	}

	private List<ProvinceUnit> candidates(String anySpelling) {
		if (anySpelling == null || anySpelling.isBlank()) {
			return List.of();
		}
		String raw = anySpelling.strip();
		ProvinceUnit exact = this.byKey.get(raw);
		if (exact != null) {
			return List.of(exact);
		}
		String key = searchKey(raw);
		if (key.matches("\\d{1,2}")) {
			ProvinceUnit coded = this.byKey.get(key.length() == 1 ? "0" + key : key);
			return coded == null ? List.of() : List.of(coded);
		}
		List<ProvinceUnit> found = this.bySpelling.get(key);
		if (found != null) {
			return found;
		}
		for (String prefix : PREFIXES) {
			if (key.startsWith(prefix)) {
				found = this.bySpelling.get(key.substring(prefix.length()));
				if (found != null) {
					return found;
				}
			}
		}
		return List.of();
	}

	private static void addSpelling(Map<String, List<ProvinceUnit>> spellings, String spelling, ProvinceUnit unit) {
		String key = searchKey(spelling);
		List<ProvinceUnit> list = spellings.computeIfAbsent(key, k -> new ArrayList<>());
		if (!list.contains(unit)) {
			list.add(unit);
		}
	}

	private static final class Holder {

		private static final ProvinceGazetteer INSTANCE = read();

	}

}
