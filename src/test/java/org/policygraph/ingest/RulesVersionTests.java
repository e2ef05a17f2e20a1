package org.policygraph.ingest;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RulesVersionTests {

	@TempDir
	Path rules;

	@Test
	void shouldChangeTheVersionWhenARuleFileChanges() throws IOException {
		write("extraction/relation-cues.tsv", "triển khai\tIMPLEMENTS\n");
		write("reference/provinces.tsv", "24\tBắc Giang\n");
		String before = version();

		write("extraction/relation-cues.tsv", "triển khai\tIMPLEMENTS\nquán triệt\tIMPLEMENTS\n");

		assertThat(version()).isNotEqualTo(before).startsWith("rules-");
	}

	@Test
	void shouldChangeTheVersionWhenAReferenceTableChanges() throws IOException {
		write("extraction/relation-cues.tsv", "triển khai\tIMPLEMENTS\n");
		write("reference/provinces.tsv", "24\tBắc Giang\n");
		String before = version();

		write("reference/provinces.tsv", "24\tBắc Ninh\n");

		assertThat(version()).isNotEqualTo(before);
	}

	@Test
	void shouldChangeTheVersionWhenARuleFileIsAddedOrRenamed() throws IOException {
		write("extraction/relation-cues.tsv", "triển khai\tIMPLEMENTS\n");
		String before = version();

		write("extraction/abbreviations.tsv", "TP.\n");
		String added = version();
		Files.move(this.rules.resolve("extraction/abbreviations.tsv"), this.rules.resolve("extraction/other.tsv"));

		assertThat(added).isNotEqualTo(before);
		assertThat(version()).isNotEqualTo(added).isNotEqualTo(before);
	}

	@Test
	void shouldKeepTheVersionWhileTheFilesAreTheSame() throws IOException {
		write("extraction/relation-cues.tsv", "triển khai\tIMPLEMENTS\n");
		write("reference/provinces.tsv", "24\tBắc Giang\n");

		assertThat(version()).isEqualTo(version());
	}

	@Test
	void shouldRefuseAClassPathWithoutRuleFiles() {
		assertThatIllegalStateException().isThrownBy(this::version).withMessageContaining("No rule files");
	}

	@Test
	void shouldChangeTheVersionWhenTheExtractorsCodeChanges() throws IOException {
		write("extraction/relation-cues.tsv", "triển khai\tIMPLEMENTS\n");
		write("org/policygraph/extraction/Hits.class", "compiled rules, first build");
		String before = version();

		write("org/policygraph/extraction/Hits.class", "compiled rules, a rule added in Java");

		assertThat(version()).isNotEqualTo(before);
		write("org/policygraph/extraction/Hits.class", "compiled rules, first build");
		assertThat(version()).isEqualTo(before);
	}

	@Test
	void shouldDigestTheApplicationsOwnRuleFiles() {
		assertThat(RulesVersion.current()).matches("rules-[0-9a-f]{16}")
			.isEqualTo(RulesVersion.of(getClass().getClassLoader(), RulesVersion.FOLDERS, RulesVersion.CODE))
			.isNotEqualTo(RulesVersion.of(getClass().getClassLoader(), RulesVersion.FOLDERS))
			.isNotEqualTo(RulesVersion.of(getClass().getClassLoader(), List.of("extraction"), RulesVersion.CODE));
		assertThat(IngestService.RULES_VERSION).isEqualTo(RulesVersion.current());
	}

	private String version() {
		try (URLClassLoader loader = new URLClassLoader(new URL[] { this.rules.toUri().toURL() }, null)) {
			return RulesVersion.of(loader, RulesVersion.FOLDERS, RulesVersion.CODE);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void write(String path, String content) throws IOException {
		Path file = this.rules.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content, StandardCharsets.UTF_8);
	}

}
