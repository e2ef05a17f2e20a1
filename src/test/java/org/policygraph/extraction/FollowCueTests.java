package org.policygraph.extraction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policygraph.extraction.ExtractionAssertions.pairs;
import static org.policygraph.extraction.ExtractionTestSupport.extract;

/**
 * "làm theo" is a weak cue: it carries out only a citation right after it, not what
 * follows a person or an example it is said of ("Học tập và làm theo Bác: …"); and "theo"
 * right after a closing quote (a campaign's name) is not at the start of a clause, so it
 * carries out the citation after it.
 */
class FollowCueTests {

	@Test
	void shouldNotLetFollowingAnExampleCarryOutTheDocumentsListedAfterIt() {
		Extraction e = extract("Làm theo gương Bác: từ Chỉ thị 03 đến Chỉ thị 05 ở Phú Yên",
				"Tỉnh ủy Phú Yên nhìn lại mười năm với Chỉ thị số 03-CT/TW ngày 14-5-2011 và Chỉ thị số 05-CT/TW ngày "
						+ "15-5-2016 của Bộ Chính trị.",
				LocalDate.of(2021, 6, 1));
		assertThat(pairs(e, RelationType.IMPLEMENTS)).noneMatch((p) -> p.contains("03-CT/TW"));
	}

	@Test
	void shouldLetACampaignNamedInQuotesCarryOutTheDirectiveItFollows() {
		Extraction e = extract("Phú Yên xây dựng đời sống văn hóa",
				"Ở Phú Yên, phong trào \"Toàn dân đoàn kết xây dựng đời sống văn hóa\" theo Chỉ thị số 27-CT/TW ngày "
						+ "12-1-1998 của Bộ Chính trị được duy trì ở mọi thôn, buôn.",
				LocalDate.of(2012, 6, 1));
		assertThat(pairs(e, RelationType.IMPLEMENTS)).contains("54 -> 27-CT/TW|TW|1998-01-12");
	}

}
