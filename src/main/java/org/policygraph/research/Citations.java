package org.policygraph.research;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.policygraph.graph.Article;

/**
 * Formats citations of evidence sentences as plain text (no markup).
 */
final class Citations {

	private static final DateTimeFormatter APA_DATE = DateTimeFormatter.ofPattern("yyyy, MMMM d", Locale.ENGLISH);

	private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private Citations() {
	}

	/**
	 * @param style the style
	 * @param article the article the sentence is from
	 * @param sentence the sentence
	 * @return the citation
	 */
	static String format(CitationStyle style, Article article, String sentence) {
		return switch (style) {
			case APA -> apa(article);
			case VIETNAMESE -> vietnamese(article, sentence);
		};
	}

	/**
	 * {@code Title. (2020, March 2). Source. URL} — APA for a news article without an
	 * author (the title takes the author's place; "n.d." without a date).
	 */
	private static String apa(Article article) {
		StringBuilder s = new StringBuilder(sentenceEnd(article.title()));
		s.append(" (")
			.append((article.publishedAt() != null) ? APA_DATE.format(article.publishedAt()) : "n.d.")
			.append(").");
		if (present(article.source())) {
			s.append(' ').append(sentenceEnd(article.source()));
		}
		if (present(article.url())) {
			s.append(' ').append(article.url());
		}
		return s.toString();
	}

	/**
	 * {@code Title. Source, ngày 02/03/2020. URL. — "sentence"}; "không rõ ngày" without
	 * a date.
	 */
	private static String vietnamese(Article article, String sentence) {
		StringBuilder s = new StringBuilder(sentenceEnd(article.title()));
		LocalDate date = article.publishedAt();
		String when = (date != null) ? "ngày " + VIETNAMESE_DATE.format(date) : "không rõ ngày";
		s.append(' ');
		if (present(article.source())) {
			s.append(article.source()).append(", ");
		}
		s.append(when).append('.');
		if (present(article.url())) {
			s.append(' ').append(article.url()).append('.');
		}
		if (!sentence.isBlank()) {
			s.append(" — \"").append(sentence.strip()).append('"');
		}
		return s.toString();
	}

	private static String sentenceEnd(String text) {
		String t = text.strip();
		return (t.endsWith(".") || t.endsWith("?") || t.endsWith("!")) ? t : t + ".";
	}

	private static boolean present(@Nullable String value) {
		return value != null && !value.isBlank();
	}

}
