package org.policygraph.ingest;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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

}
