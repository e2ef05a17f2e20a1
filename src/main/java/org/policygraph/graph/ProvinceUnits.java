package org.policygraph.graph;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The set of provincial units a coverage is measured against.
 */
public enum ProvinceUnits {

	/** The 63 units that existed until 30-6-2025. */
	PRE_2025(List.of("PRE_2025", "BOTH"), false),

	/**
	 * The 34 units since 1-7-2025; a merged unit implements when it or a predecessor
	 * does.
	 */
	POST_2025(List.of("POST_2025", "BOTH"), true);

	/**
	 * The day the 34 units replaced the 63 (Resolution 202/2025/QH15); the reference data
	 * ({@code ProvinceGazetteer.MERGER_DATE}) uses the same day.
	 */
	public static final LocalDate MERGER_DATE = LocalDate.of(2025, 7, 1);

	private final List<String> eras;

	private final boolean throughPredecessors;

	ProvinceUnits(List<String> eras, boolean throughPredecessors) {
		this.eras = eras;
		this.throughPredecessors = throughPredecessors;
	}

	/**
	 * @return the values of {@code Province.era} in this set
	 */
	public List<String> eras() {
		return this.eras;
	}

	/**
	 * @return whether the units formed by merger inherit their predecessors'
	 * implementation
	 */
	public boolean throughPredecessors() {
		return this.throughPredecessors;
	}

	/**
	 * @param issuedOn a document's issue date, or {@code null}
	 * @param year its year when undated, or {@code null}
	 * @return the units that existed when the document was issued (an undated document
	 * without a year after the merger's counts as issued before it)
	 */
	public static ProvinceUnits existingAt(@Nullable LocalDate issuedOn, @Nullable Integer year) {
		if (issuedOn != null) {
			return issuedOn.isBefore(MERGER_DATE) ? PRE_2025 : POST_2025;
		}
		return (year != null && year > MERGER_DATE.getYear()) ? POST_2025 : PRE_2025;
	}

}
