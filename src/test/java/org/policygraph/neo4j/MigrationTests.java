package org.policygraph.neo4j;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MigrationTests {

	@Test
	void shouldReadVersionAndDescriptionFromTheFileName() {
		Migration m = Migration.of("V0012__Add_search_index.cypher", "RETURN 1");

		assertThat(m.version()).isEqualTo(12);
		assertThat(m.description()).isEqualTo("Add search index");
	}

	@Test
	void shouldRejectAFileNameOutsideTheConvention() {
		assertThatIllegalArgumentException().isThrownBy(() -> Migration.of("0001-constraints.cypher", ""))
			.withMessageContaining("V<version>__<Description>.cypher");
	}

	@Test
	void shouldSplitStatementsAtSemicolonsAndSkipComments() {
		Migration m = Migration.of("V0001__X.cypher", """
				// comment; not a statement
				CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);

				CREATE FULLTEXT INDEX b IF NOT EXISTS
				FOR (n:B) ON EACH [n.y]
				OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
				RETURN 'a;b'
				""");

		assertThat(m.statements()).hasSize(3);
		assertThat(m.statements().get(1)).startsWith("CREATE FULLTEXT INDEX b").endsWith("}}");
		assertThat(m.statements().get(2)).isEqualTo("RETURN 'a;b'");
	}

	@Test
	void shouldIgnoreLineEndingsInTheChecksumButNotContent() {
		Migration unix = Migration.of("V0001__X.cypher", "RETURN 1;\nRETURN 2;\n");
		Migration windows = Migration.of("V0001__X.cypher", "RETURN 1;\r\nRETURN 2;\r\n");
		Migration edited = Migration.of("V0001__X.cypher", "RETURN 1;\nRETURN 3;\n");

		assertThat(unix.checksum()).isEqualTo(windows.checksum()).isNotEqualTo(edited.checksum());
	}

}
