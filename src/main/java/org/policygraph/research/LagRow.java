package org.policygraph.research;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.policygraph.graph.Document;
import org.policygraph.graph.Province;

/**
 * One province's implementation lag for one document.
 *
 * @param province the implementing province (for a merged unit: the unit or predecessor
 * whose date counts)
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
	 * @return whether the lag is known
	 */
	public boolean dated() {
		return this.days != null;
	}

}
