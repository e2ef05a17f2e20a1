package org.policygraph.reference;

import java.util.List;

/**
 * A provincial-level administrative unit (tỉnh or thành phố trực thuộc trung ương).
 *
 * @param key the identity: the two-digit GSO code for the 63 units before 1-7-2025
 * ({@code "66"}), {@code "<code of the unit whose name is kept>-2025"} for the 23 units
 * formed by the merger ({@code "66-2025"})
 * @param name the canonical name ({@link TextNormalizer#nfc(String) normalized})
 * @param gsoCode the GSO code of a pre-2025 unit, {@code null} for the merged units
 * @param era when the unit existed
 * @param mergedIntoKey for a unit merged away on 1-7-2025, the key of the unit it became
 * part of; otherwise {@code null}
 * @param aliases other spellings seen in articles
 * @param type {@code "province"} or {@code "city"} (centrally-run city)
 */
public record ProvinceUnit(String key, String name, String gsoCode, Era era, String mergedIntoKey, List<String> aliases,
		String type) {

	public ProvinceUnit {
		aliases = List.copyOf(aliases);
	}

	/** Whether the unit exists after the merger of 1-7-2025. */
	public boolean existsAfterMerger() {
		return this.era != Era.PRE_2025;
	}

	/** Whether the unit existed before the merger of 1-7-2025. */
	public boolean existedBeforeMerger() {
		return this.era != Era.POST_2025;
	}

	/** Whether the unit is a centrally-run city (its party committee is a Thành ủy). */
	public boolean isCity() {
		return "city".equals(this.type);
	}

}
