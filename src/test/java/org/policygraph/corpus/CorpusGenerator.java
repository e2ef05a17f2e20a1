package org.policygraph.corpus;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.policygraph.reference.ProvinceGazetteer;

/**
 * Generates a deterministic synthetic corpus: the same seed always gives the same
 * articles, byte for byte, and a different seed a different corpus. Articles are produced
 * one at a time, so memory does not grow with their number.
 *
 * <p>
 * Output: the articles as NDJSON in the ingest shape {@code {url, title, text,
 * publishedAt, source, category}}, and a truth file with one line per article, in the
 * same order: {@code {url, about, provinces, documents, implements, issuedBy}} (see
 * {@link ArticleTruth}), keyed by the extractor's identity rules (ADR 1) and the keys of
 * {@link ProvinceGazetteer} and {@link org.policygraph.reference.PartyBodyCatalog}.
 */
public final class CorpusGenerator {

	private final long seed;

	private final CorpusWorld world;

	private final ArticleComposer composer;

	public CorpusGenerator(long seed, ProvinceGazetteer gazetteer) {
		this.seed = seed;
		this.world = new CorpusWorld(seed, gazetteer);
		this.composer = new ArticleComposer(this.world, gazetteer);
	}

	/** A generator over the default gazetteer. */
	public static CorpusGenerator create(long seed) {
		return new CorpusGenerator(seed, ProvinceGazetteer.load());
	}

	/** The first {@code count} articles of the corpus, generated lazily in order. */
	public Stream<GeneratedArticle> articles(long count) {
		SplittableRandom random = new SplittableRandom(CorpusWorld.mix(this.seed, 0, 0));
		Iterator<GeneratedArticle> it = new Iterator<>() {

			private long next;

			@Override
			public boolean hasNext() {
				return this.next < count;
			}

			@Override
			public GeneratedArticle next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				return CorpusGenerator.this.composer.compose(CorpusGenerator.this.seed, this.next++, random);
			}

		};
		return StreamSupport.stream(Spliterators.spliterator(it, count, Spliterator.ORDERED | Spliterator.NONNULL),
				false);
	}

	/**
	 * Writes {@code count} articles to {@code corpus} and their truth to {@code truth},
	 * one line each.
	 */
	public void write(long count, Writer corpus, Writer truth) throws IOException {
		Iterator<GeneratedArticle> it = articles(count).iterator();
		while (it.hasNext()) {
			GeneratedArticle article = it.next();
			corpus.write(JsonLines.article(article));
			corpus.write('\n');
			truth.write(JsonLines.truth(article.truth()));
			truth.write('\n');
		}
		corpus.flush();
		truth.flush();
	}

	/**
	 * Writes the corpus to {@code corpus} and the truth next to it
	 * ({@link #truthPath(Path)}).
	 */
	public void write(long count, Path corpus) throws IOException {
		Path parent = corpus.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		try (Writer out = writer(corpus); Writer truth = writer(truthPath(corpus))) {
			write(count, out, truth);
		}
	}

	/** {@code corpus.ndjson} → {@code corpus.truth.ndjson} in the same directory. */
	public static Path truthPath(Path corpus) {
		String name = corpus.getFileName().toString();
		int dot = name.lastIndexOf('.');
		String base = dot > 0 ? name.substring(0, dot) : name;
		return corpus.resolveSibling(base + ".truth.ndjson");
	}

	/**
	 * The share of articles the Zipf law gives the central document of this popularity
	 * rank (0 = most cited).
	 */
	public double expectedShareOfRank(int rank) {
		return this.world.zipfShare(rank);
	}

	private static Writer writer(Path path) throws IOException {
		return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(path), StandardCharsets.UTF_8), 1 << 16);
	}

}
