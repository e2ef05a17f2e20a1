package org.policygraph.ingest.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The page-furniture lines of listing pages, loaded from
 * {@code ingest/listing-furniture.txt} on the classpath.
 */
final class ListingFurniture {

	static final String RESOURCE = "ingest/listing-furniture.txt";

	private static final Pattern TRAILING_MARKS = Pattern.compile("[\\s:>»›….|]+$");

	/** Icelandic eth (ð), often typed for the Vietnamese đ. */
	private static final char ETH = '\u00F0';

	private static final char D_STROKE = '\u0111';

	private final Set<String> phrases;

	private final List<Pattern> patterns;

	private ListingFurniture(Set<String> phrases, List<Pattern> patterns) {
		this.phrases = phrases;
		this.patterns = patterns;
	}

	static ListingFurniture load() {
		Set<String> phrases = new HashSet<>();
		List<Pattern> patterns = new ArrayList<>();
		try (InputStream in = ListingFurniture.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("missing classpath resource " + RESOURCE);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				String entry = line.strip();
				if (entry.isEmpty() || entry.startsWith("#")) {
					continue;
				}
				if (entry.startsWith("regex:")) {
					patterns.add(Pattern.compile(entry.substring("regex:".length()).strip(),
							Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
				}
				else {
					phrases.add(key(entry));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + RESOURCE, ex);
		}
		return new ListingFurniture(Set.copyOf(phrases), List.copyOf(patterns));
	}

	/** Whether {@code line} is page furniture rather than article content. */
	boolean isFurniture(String line) {
		String normalized = ArticleValidator.normalizeLine(line);
		if (normalized == null) {
			return false;
		}
		String lower = normalized.toLowerCase(Locale.ROOT).replace(ETH, D_STROKE);
		if (phrases.contains(key(lower))) {
			return true;
		}
		for (Pattern pattern : patterns) {
			if (pattern.matcher(lower).matches()) {
				return true;
			}
		}
		return false;
	}

	private static String key(String phrase) {
		String normalized = ArticleValidator.normalizeLine(phrase);
		String lower = normalized == null ? "" : normalized.toLowerCase(Locale.ROOT).replace(ETH, D_STROKE);
		return TRAILING_MARKS.matcher(lower).replaceAll("");
	}

}
