package org.policygraph.ingest.write;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentIdentityTests {

	@Test
	void shouldMergeEveryLessSpecificCitationIntoTheOneDatedDocument() {
		var resolution = DocumentIdentity.resolve(List.of("22-NQ/TW|TW|?", "22-NQ/TW|TW|kX", "22-NQ/TW|TW|2008",
				"22-NQ/TW|TW|2008-02-02", "22-NQ/TW|66|?"));

		assertThat(resolution.canonical("22-NQ/TW|TW|?")).isEqualTo("22-NQ/TW|TW|2008-02-02");
		assertThat(resolution.canonical("22-NQ/TW|TW|kX")).isEqualTo("22-NQ/TW|TW|2008-02-02");
		assertThat(resolution.canonical("22-NQ/TW|TW|2008")).isEqualTo("22-NQ/TW|TW|2008-02-02");
		assertThat(resolution.canonical("22-NQ/TW|66|?")).as("another scope").isEqualTo("22-NQ/TW|66|?");
		assertThat(resolution.mergedKeys()).containsEntry("22-NQ/TW|TW|2008-02-02",
				List.of("22-NQ/TW|TW|2008", "22-NQ/TW|TW|?", "22-NQ/TW|TW|kX"));
		assertThat(resolution.ambiguous()).isEmpty();
	}

	@Test
	void shouldKeepAnUndatedCitationApartWhenTwoDocumentsFitAndSayWhich() {
		var resolution = DocumentIdentity
			.resolve(List.of("22-NQ/TW|TW|?", "22-NQ/TW|TW|kX", "22-NQ/TW|TW|2008-02-02", "22-NQ/TW|TW|2013-04-10"));

		assertThat(resolution.canonical("22-NQ/TW|TW|?")).isEqualTo("22-NQ/TW|TW|?");
		assertThat(resolution.ambiguous()).containsEntry("22-NQ/TW|TW|?",
				List.of("22-NQ/TW|TW|2008-02-02", "22-NQ/TW|TW|2013-04-10"));
		assertThat(resolution.canonical("22-NQ/TW|TW|kX")).as("only 2008 lies in khóa X (2006–2011)")
			.isEqualTo("22-NQ/TW|TW|2008-02-02");
	}

	@Test
	void shouldTreatACongressYearAsPartOfBothTerms() {
		assertThat(DocumentIdentity.refines("5-NQ/TW|TW|2011-06-01", "5-NQ/TW|TW|kX")).isTrue();
		assertThat(DocumentIdentity.refines("5-NQ/TW|TW|2011-06-01", "5-NQ/TW|TW|kXI")).isTrue();
		assertThat(DocumentIdentity.refines("5-NQ/TW|TW|2012", "5-NQ/TW|TW|kX")).isFalse();
		assertThat(DocumentIdentity.refines("5-NQ/TW|TW|2012-01-01", "5-NQ/TW|TW|2011")).isFalse();
		assertThat(DocumentIdentity.refines("5-NQ/TW|TW|kX", "5-NQ/TW|TW|2011-01-01")).isFalse();
		assertThat(DocumentIdentity.refines("5-NQ/TW|40|2011", "5-NQ/TW|TW|?")).as("scope differs").isFalse();
	}

	@Test
	void shouldKeepAYearApartWhenTwoDatesOfThatYearExist() {
		var resolution = DocumentIdentity
			.resolve(List.of("7-KH/TU|40|2016", "7-KH/TU|40|2016-03-01", "7-KH/TU|40|2016-09-09", "7-KH/TU|40|kXII"));

		assertThat(resolution.ambiguous()).containsKeys("7-KH/TU|40|2016", "7-KH/TU|40|kXII");
		assertThat(resolution.canonical("7-KH/TU|40|kXII")).isEqualTo("7-KH/TU|40|kXII");
	}

	@Test
	void shouldLeaveKeysWithoutAKnownWhenAlone() {
		var resolution = DocumentIdentity.resolve(List.of("NQ-DH-XII|TW|kXII", "x|y|soon", "odd", "1-CT/TW|TW|?"));

		assertThat(resolution.canonical()).allSatisfy((key, target) -> assertThat(target).isEqualTo(key));
		assertThat(DocumentIdentity.kind("x|y|2018-02-31")).isEqualTo(DocumentIdentity.When.OTHER);
	}

	@Test
	void shouldNotDependOnTheOrderOfTheKeys() {
		List<String> keys = new ArrayList<>(
				List.of("22-NQ/TW|TW|?", "22-NQ/TW|TW|kX", "22-NQ/TW|TW|2008", "22-NQ/TW|TW|2008-02-02",
						"22-NQ/TW|TW|2013-04-10", "22-NQ/TW|TW|kXI", "18-NQ/TW|TW|2017", "18-NQ/TW|TW|2017-10-25"));
		var expected = DocumentIdentity.resolve(keys);
		Random random = new Random(21);
		for (int i = 0; i < 20; i++) {
			Collections.shuffle(keys, random);
			assertThat(DocumentIdentity.resolve(keys)).isEqualTo(expected);
		}
	}

}
