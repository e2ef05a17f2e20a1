package org.policygraph.ingest.write;

import java.util.List;
import java.util.Map;

/**
 * The terms (khóa) of the Central Committee and their years, to tell whether an undated
 * citation "of khóa X" can be a dated document: a document of 2008 can be of khóa X
 * (2006–2011), one of 2013 cannot.
 */
final class Terms {

	/** Term → [first year, last year]; a congress year belongs to both terms. */
	static final Map<String, List<Integer>> YEARS = Map.of("VII", List.of(1991, 1996), "VIII", List.of(1996, 2001),
			"IX", List.of(2001, 2006), "X", List.of(2006, 2011), "XI", List.of(2011, 2016), "XII", List.of(2016, 2021),
			"XIII", List.of(2021, 2026), "XIV", List.of(2026, 2031));

	private Terms() {
	}

}
