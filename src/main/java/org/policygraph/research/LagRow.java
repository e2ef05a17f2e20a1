package org.policygraph.research;

import java.time.LocalDate;
import java.util.Comparator;

import org.jspecify.annotations.Nullable;
import org.policygraph.graph.Document;
import org.policygraph.graph.Province;

/**
 * One province's implementation lag for one document.
 *
 * @param province the implementing province: in a document's lag, the unit (of the units
 * that existed when the document was issued); in a province's lag, the unit or the
 * predecessor whose date counts
 * @param document the document carried out
 * @param startedOn the date the implementation started, by {@code basis}; {@code null}
 * when unknown
 * @param basis what {@code startedOn} is; {@code null} when unknown
 * @param localDocument the first local document, when the basis is
 * {@link LagBasis#LOCAL_DOCUMENT}
 * @param days the days from the document's issue date to {@code startedOn}; {@code null}
 * when either date is unknown
 */
public record LagRow(Province province, Document document, @Nullable LocalDate startedOn, @Nullable LagBasis basis,
		@Nullable Document localDocument, @Nullable Integer days) {

	/**
	 * Of two rows of one document, the one that dates the start: a local document before
	 * a report, then the earlier date, then the province key.
	 */
	public static final Comparator<LagRow> EARLIEST_START = Comparator
		.comparing((LagRow r) -> (r.basis() == LagBasis.LOCAL_DOCUMENT) ? 0 : (r.basis() != null) ? 1 : 2)
		.thenComparing(LagRow::startedOn, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(r -> r.province().key());

	/**
	 * @return whether the lag is known
	 */
	public boolean dated() {
		return this.days != null;
	}

}
