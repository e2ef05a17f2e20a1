package org.policygraph.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The central party bodies and the heads of provincial/district body names, with the key
 * rule shared by the extractor and the graph.
 *
 * <p>
 * Keys are {@code scope + "/" + slug(canonical name)}: {@code "TW/bo-chinh-tri"} for a
 * central body, {@code "66/ban-thuong-vu-tinh-uy"} for a provincial one,
 * {@code "40/thanh-uy-vinh"} for a district one. Immutable and thread-safe. Data:
 * {@code reference/central-bodies.tsv} and {@code reference/local-bodies.tsv}.
 */
public final class PartyBodyCatalog {

	/** The scope of central bodies and central documents. */
	public static final String CENTRAL_SCOPE = "TW";

	public static final String CENTRAL_COMMITTEE = "TW/ban-chap-hanh-trung-uong";

	public static final String POLITBURO = "TW/bo-chinh-tri";

	public static final String SECRETARIAT = "TW/ban-bi-thu";

	public static final String CENTRAL_ORGANISATION_COMMISSION = "TW/ban-to-chuc-trung-uong";

	public static final String CENTRAL_PROPAGANDA_COMMISSION = "TW/ban-tuyen-giao-trung-uong";

	public static final String CENTRAL_INSPECTION_COMMISSION = "TW/uy-ban-kiem-tra-trung-uong";

	public static final String CENTRAL_OFFICE = "TW/van-phong-trung-uong-dang";

	private final List<CentralBody> central;

	private final Map<String, CentralBody> byKey;

	private final Map<String, CentralBody> bySpelling;

	private final Map<String, String> parents;

	private final List<LocalBodyHead> localHeads;

	private PartyBodyCatalog(List<CentralBody> central, Map<String, String> parents, List<LocalBodyHead> localHeads) {
		this.central = List.copyOf(central);
		Map<String, CentralBody> keys = new LinkedHashMap<>();
		Map<String, CentralBody> spellings = new HashMap<>();
		for (CentralBody body : this.central) {
			keys.put(body.key(), body);
			spellings.putIfAbsent(ProvinceGazetteer.searchKey(body.name()), body);
			for (String alias : body.aliases()) {
				spellings.putIfAbsent(ProvinceGazetteer.searchKey(alias), body);
			}
		}
		this.byKey = Map.copyOf(keys);
		this.bySpelling = Map.copyOf(spellings);
		this.parents = Map.copyOf(parents);
		this.localHeads = List.copyOf(localHeads);
	}

	/** Loads the catalog from the classpath. */
	public static PartyBodyCatalog load() {
		return Holder.INSTANCE;
	}

	private static PartyBodyCatalog read() {
		List<CentralBody> central = new ArrayList<>();
		Map<String, String> parentNames = new LinkedHashMap<>();
		for (String[] row : ResourceLines.read("reference/central-bodies.tsv")) {
			String name = TextNormalizer.nfc(row[0]);
			String key = centralKey(name);
			central.add(new CentralBody(key, name, split(ResourceLines.cell(row, 2))));
			String parent = ResourceLines.cell(row, 1);
			if (!parent.isEmpty()) {
				parentNames.put(key, centralKey(parent));
			}
		}
		List<LocalBodyHead> heads = new ArrayList<>();
		for (String[] row : ResourceLines.read("reference/local-bodies.tsv")) {
			String head = "-".equals(row[0]) ? "" : TextNormalizer.nfc(row[0]);
			heads.add(new LocalBodyHead(head, split(ResourceLines.cell(row, 1))));
		}
		return new PartyBodyCatalog(central, parentNames, heads);
	}

	private static List<String> split(String cell) {
		if (cell.isEmpty()) {
			return List.of();
		}
		return Arrays.stream(cell.split("\\|")).map(TextNormalizer::nfc).filter(s -> !s.isEmpty()).toList();
	}

	/** The central bodies in catalog order. */
	public List<CentralBody> central() {
		return this.central;
	}

	/** The central body with this key. */
	public Optional<CentralBody> byKey(String key) {
		return key == null ? Optional.empty() : Optional.ofNullable(this.byKey.get(key));
	}

	/**
	 * The central body named by any of its spellings or abbreviations
	 * (diacritic-insensitive).
	 */
	public Optional<CentralBody> lookup(String anySpelling) {
		if (anySpelling == null || anySpelling.isBlank()) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.bySpelling.get(ProvinceGazetteer.searchKey(anySpelling)));
	}

	/**
	 * The key of the body a central body belongs to ({@code TW/bo-chinh-tri} → BCH TW).
	 */
	public Optional<String> parentKey(String centralKey) {
		return Optional.ofNullable(this.parents.get(centralKey));
	}

	/** The heads of provincial and district body names, the committee itself first. */
	public List<LocalBodyHead> localHeads() {
		return this.localHeads;
	}

	/** {@code scope + "/" + slug(canonicalName)}: the key of any party body. */
	public static String key(String scope, String canonicalName) {
		String slug = SLUGS.get(canonicalName);
		if (slug == null) {
			slug = TextNormalizer.slug(canonicalName);
			if (SLUGS.size() < MAX_CACHED_SLUGS) {
				SLUGS.put(canonicalName, slug);
			}
		}
		return scope + "/" + slug;
	}

	private static final int MAX_CACHED_SLUGS = 20_000;

	/** Slugs of canonical names seen so far; body names repeat across articles. */
	private static final java.util.concurrent.ConcurrentMap<String, String> SLUGS = new java.util.concurrent.ConcurrentHashMap<>();

	/** The key of a central body: {@code "TW/" + slug(name)}. */
	public static String centralKey(String canonicalName) {
		return key(CENTRAL_SCOPE, canonicalName);
	}

	/**
	 * The key of a provincial or district body: {@code provinceKey + "/" + slug(name)}.
	 */
	public static String localKey(String provinceKey, String canonicalName) {
		return key(provinceKey, canonicalName);
	}

	private static final class Holder {

		private static final PartyBodyCatalog INSTANCE = read();

	}

}
