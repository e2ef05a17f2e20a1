package org.policygraph.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the seed listing: title line, blank line, lead paragraph; page furniture at the
 * end is dropped.
 */
final class SeedArticles {

	private SeedArticles() {
	}

	static List<ArticleInput> load() {
		String text;
		try (InputStream in = SeedArticles.class.getResourceAsStream("/seed/listing.txt")) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> blocks = new ArrayList<>();
		for (String block : text.split("\\R\\s*\\R")) {
			String b = block.strip();
			if (!b.isEmpty() && !b.equals("Mới nhất") && !b.equals("Xem nhiều nhất")) {
				blocks.add(b);
			}
		}
		List<ArticleInput> articles = new ArrayList<>();
		for (int i = 0; i + 1 < blocks.size(); i += 2) {
			articles.add(new ArticleInput(blocks.get(i), blocks.get(i + 1), null, null, "seed"));
		}
		return articles;
	}

}
