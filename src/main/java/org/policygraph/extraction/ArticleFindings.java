package org.policygraph.extraction;

import java.util.ArrayList;
import java.util.List;

import org.policygraph.extraction.Hits.BodyHit;
import org.policygraph.extraction.Hits.DocHit;
import org.policygraph.extraction.Hits.ProvinceHit;

/**
 * The per-sentence findings of one article, filled by the recognizers and refined by the
 * resolver.
 */
final class ArticleFindings {

	private ArticleFindings() {
	}

	/** A cue phrase found in a sentence. */
	record Cue(ExtractionRules.CueKind kind, int start, int end) {
	}

	/** What the recognizers found in one sentence. */
	static final class SentenceFindings {

		final SentenceText sentence;

		final List<ProvinceHit> provinces;

		final List<BodyHit> bodies;

		final List<DocHit> docs;

		final List<Cue> cues;

		/**
		 * The paragraph (line) of the text the sentence is in, counted from 1; 0 for the
		 * title.
		 */
		int paragraph;

		/** How many sentences that paragraph has. */
		int paragraphSentences;

		/**
		 * The province the sentence speaks of when it differs from the article's, set by
		 * the resolver: a section heading ("Đắk Lắk: …"), a topic opening the sentence or
		 * its paragraph ("Ở Sóc Trăng, …", "Cà Mau không …"), or a provincial body named
		 * with its province earlier in the paragraph. {@code null} when none.
		 */
		org.policygraph.reference.ProvinceUnit localContext;

		SentenceFindings(SentenceText sentence, List<ProvinceHit> provinces, List<BodyHit> bodies, List<DocHit> docs,
				List<Cue> cues) {
			this.sentence = sentence;
			this.provinces = new ArrayList<>(provinces);
			this.bodies = new ArrayList<>(bodies);
			this.docs = new ArrayList<>(docs);
			this.cues = cues;
		}

	}

}
