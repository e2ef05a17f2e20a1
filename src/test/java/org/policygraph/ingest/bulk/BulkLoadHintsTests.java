package org.policygraph.ingest.bulk;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class BulkLoadHintsTests {

	@Test
	void shouldSuggestCompilingHugeMethodsWhenTheJvmDoesNot() {
		assertThat(BulkLoadHints.forBulkLoad(Optional.of("true"), Optional.of("true"))).singleElement()
			.satisfies(hint -> assertThat(hint).contains("-XX:-DontCompileHugeMethods"));
	}

	@Test
	void shouldSuggestTheParallelCollectorWhenTheJvmUsesAnother() {
		assertThat(BulkLoadHints.forBulkLoad(Optional.of("false"), Optional.of("false"))).singleElement()
			.satisfies(hint -> assertThat(hint).contains("-XX:+UseParallelGC"));
		assertThat(BulkLoadHints.forBulkLoad(Optional.of("true"), Optional.of("false"))).hasSize(2);
	}

	@Test
	void shouldSayNothingWhenTheJvmHasBothOptionsOrIsNotHotSpot() {
		assertThat(BulkLoadHints.forBulkLoad(Optional.of("false"), Optional.of("true"))).isEmpty();
		assertThat(BulkLoadHints.forBulkLoad(Optional.empty(), Optional.empty())).isEmpty();
	}

	@Test
	void shouldReadTheOptionsFromAHotSpotJvm() {
		String vm = System.getProperty("java.vm.name", "");
		assumeTrue((vm.contains("HotSpot") || vm.contains("OpenJDK")) && !vm.contains("J9"),
				"not a HotSpot JVM: " + vm);

		// A misspelt option name would be caught and read as absent: the hint would never
		// show.
		assertThat(BulkLoadHints.currentValue(BulkLoadHints.HUGE_METHODS))
			.hasValueSatisfying(value -> assertThat(value).isIn("true", "false"));
		assertThat(BulkLoadHints.currentValue(BulkLoadHints.PARALLEL_GC))
			.hasValueSatisfying(value -> assertThat(value).isIn("true", "false"));
	}

}
