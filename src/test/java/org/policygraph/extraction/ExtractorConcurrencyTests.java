package org.policygraph.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractorConcurrencyTests {

	@Test
	void shouldGiveTheSameResultsFromManyThreads() throws Exception {
		Extractor extractor = Extractor.createDefault();
		List<ArticleInput> articles = SeedArticles.load();
		List<Extraction> expected = articles.stream().map(extractor::extract).toList();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<List<Extraction>>> futures = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				futures.add(pool.submit(() -> {
					List<Extraction> results = new ArrayList<>();
					for (int round = 0; round < 20; round++) {
						results.clear();
						for (ArticleInput a : articles) {
							results.add(extractor.extract(a));
						}
					}
					return results;
				}));
			}
			for (Future<List<Extraction>> f : futures) {
				assertThat(f.get()).isEqualTo(expected);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
