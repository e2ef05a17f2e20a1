package org.policygraph.ingest;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class JitHintTests {

	@Test
	void shouldSuggestCompilingHugeMethodsWhenTheJvmDoesNot() {
		assertThat(JitHint.forBulkLoad(Optional.of("true"))).hasValueSatisfying(
				hint -> assertThat(hint).contains("-XX:-DontCompileHugeMethods"));
	}

	@Test
	void shouldSayNothingWhenTheJvmCompilesHugeMethodsOrIsNotHotSpot() {
		assertThat(JitHint.forBulkLoad(Optional.of("false"))).isEmpty();
		assertThat(JitHint.forBulkLoad(Optional.empty())).isEmpty();
	}

	@Test
	void shouldReadTheOptionFromAHotSpotJvm() {
		String vm = System.getProperty("java.vm.name", "");
		assumeTrue((vm.contains("HotSpot") || vm.contains("OpenJDK")) && !vm.contains("J9"), "not a HotSpot JVM: " + vm);

		// A misspelt option name would be caught and read as absent: the hint would never show.
		assertThat(JitHint.currentValue()).hasValueSatisfying(value -> assertThat(value).isIn("true", "false"));
	}

}
