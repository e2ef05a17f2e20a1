package org.policygraph.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policygraph.ingest.read.RawArticle;
import org.policygraph.ingest.read.ReadResult;
import org.policygraph.reference.ProvinceGazetteer;
import org.policygraph.reference.ProvinceUnit;

import static org.assertj.core.api.Assertions.assertThat;

class CorpusGeneratorTests {

	@Test
	void shouldGenerateTheSameCorpusForTheSameSeed() {
		String[] first = CorpusReading.write(42, 300);
		String[] second = CorpusReading.write(42, 300);
		assertThat(first[0].getBytes(StandardCharsets.UTF_8)).isEqualTo(second[0].getBytes(StandardCharsets.UTF_8));
		assertThat(first[1]).isEqualTo(second[1]);
	}

	@Test
	void shouldGenerateADifferentCorpusForADifferentSeed() {
		String[] a = CorpusReading.write(42, 50);
		String[] b = CorpusReading.write(43, 50);
		assertThat(a[0]).isNotEqualTo(b[0]);
		assertThat(a[1]).isNotEqualTo(b[1]);
	}

	@Test
	void shouldWriteOneLinePerArticleInCorpusAndTruth() {
		String[] files = CorpusReading.write(42, 250);
		List<String> corpus = files[0].lines().toList();
		List<String> truth = files[1].lines().toList();
		assertThat(corpus).hasSize(250);
		assertThat(truth).hasSize(250);
		assertThat(files[0]).endsWith("\n");
		List<RawArticle> articles = CorpusReading.read(files[0]).stream().map(ReadResult::article).toList();
		List<ArticleTruth> truths = CorpusGenerator.create(42).articles(250).map(GeneratedArticle::truth).toList();
		for (int i = 0; i < 250; i++) {
			assertThat(truth.get(i)).startsWith("{\"url\":\"" + articles.get(i).url() + "\"");
			assertThat(truths.get(i).url()).isEqualTo(articles.get(i).url());
		}
	}

	@Test
	void shouldWriteLinesTheNdjsonReaderAcceptsWithoutRejection() {
		List<ReadResult> results = CorpusReading.read(CorpusReading.write(42, 1_000)[0]);
		assertThat(results).hasSize(1_000).allMatch(ReadResult::ok);
		assertThat(results).extracting(ReadResult::article).allSatisfy(a -> {
			assertThat(a.url()).startsWith("https://");
			assertThat(a.publishedAt()).isNotNull();
			assertThat(a.source()).isNotBlank();
			assertThat(a.category()).isNotBlank();
			assertThat(a.text()).isNotBlank();
		});
		assertThat(results.stream().map(r -> r.article().url()).distinct()).hasSize(1_000);
	}

	@Test
	void shouldAverageOneToTwoKilobytesOfTextPerArticle() {
		double average = CorpusGenerator.create(42)
			.articles(1_000)
			.mapToInt(a -> a.text().getBytes(StandardCharsets.UTF_8).length)
			.average()
			.orElseThrow();
		assertThat(average).isBetween(1_000.0, 2_048.0);
	}

	@Test
	void shouldNameEveryProvinceOfItsEraInTenThousandArticles() {
		ProvinceGazetteer gazetteer = ProvinceGazetteer.load();
		Set<String> before = new HashSet<>();
		Set<String> after = new HashSet<>();
		Set<Integer> years = new HashSet<>();
		CorpusGenerator.create(42).articles(10_000).forEach(a -> {
			years.add(a.publishedAt().getYear());
			(a.publishedAt().isBefore(ProvinceGazetteer.MERGER_DATE) ? before : after).addAll(a.truth().provinces());
		});
		Set<String> pre = gazetteer.pre2025().stream().map(ProvinceUnit::key).collect(Collectors.toSet());
		Set<String> post = gazetteer.post2025().stream().map(ProvinceUnit::key).collect(Collectors.toSet());
		assertThat(pre).hasSize(63);
		assertThat(before).containsExactlyInAnyOrderElementsOf(pre);
		assertThat(after).isSubsetOf(post).contains("66-2025", "79-2025", "01");
		assertThat(years).contains(2008, 2016, 2026).allMatch(y -> y >= 2008 && y <= 2026);
	}

	@Test
	void shouldPickTheCentralDocumentOfAnArticleByZipfsLaw() {
		CorpusGenerator generator = CorpusGenerator.create(42);
		Map<String, Integer> counts = new HashMap<>();
		generator.articles(10_000).forEach(a -> counts.merge(a.truth().about(), 1, Integer::sum));
		List<Integer> ranked = counts.values().stream().sorted(Comparator.reverseOrder()).toList();
		double top = ranked.get(0) / 10_000.0;
		double expected = generator.expectedShareOfRank(0);
		assertThat(expected).isBetween(0.14, 0.18);
		assertThat(top).isBetween(expected * 0.85, expected * 1.15);
		assertThat((double) ranked.get(0) / ranked.get(1)).isBetween(1.5, 2.7);
		assertThat(counts).hasSizeGreaterThan(200);
	}

	@Test
	void shouldCiteLocalDocumentsIssuedAfterTheCentralDocumentTheyImplement() {
		CorpusGenerator.create(42).articles(2_000).forEach(a -> {
			for (List<String> pair : a.truth().implementsPairs()) {
				String[] from = pair.get(0).split("\\|");
				String[] to = pair.get(1).split("\\|");
				if (from.length == 3 && to.length == 3 && from[2].length() == 10 && to[2].length() == 10) {
					assertThat(from[2]).as(pair.toString()).isGreaterThan(to[2]);
					assertThat(from[2]).as(pair.toString()).isLessThan(a.publishedAt().toString());
				}
			}
		});
	}

	@Test
	void shouldWriteCorpusAndTruthFromTheCommandLine(@TempDir Path dir) throws IOException {
		Path out = dir.resolve("c/corpus.ndjson");
		ByteArrayOutputStream stdout = new ByteArrayOutputStream();
		int status = GenerateCommand.run(new String[] { "--articles=120", "--seed=5", "--out=" + out },
				new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
		assertThat(status).isZero();
		assertThat(Files.readAllLines(out)).hasSize(120);
		assertThat(Files.readAllLines(dir.resolve("c/corpus.truth.ndjson"))).hasSize(120);
		assertThat(Files.readString(out)).isEqualTo(CorpusReading.write(5, 120)[0]);
		assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("Generated 120 articles (seed 5)");
	}

	@Test
	void shouldRefuseAMissingOrMalformedArticleCount() {
		PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
		assertThat(GenerateCommand.run(new String[] { "--seed=1" }, quiet, quiet)).isEqualTo(2);
		assertThat(GenerateCommand.run(new String[] { "--articles=many" }, quiet, quiet)).isEqualTo(2);
		assertThat(GenerateCommand.run(new String[] { "--articles=1", "--colour=red" }, quiet, quiet)).isEqualTo(2);
	}

}
