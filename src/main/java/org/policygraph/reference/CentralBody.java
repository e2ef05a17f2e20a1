package org.policygraph.reference;

import java.util.List;

/**
 * A central party body (Ban Chấp hành Trung ương, Bộ Chính trị, Ban Tổ chức Trung ương,
 * …).
 *
 * @param key {@code "TW/" + slug(name)}, e.g. {@code "TW/bo-chinh-tri"}
 * @param name the canonical name
 * @param aliases other names and abbreviations ({@code BCH TW}, {@code UBKTTW}, …)
 */
public record CentralBody(String key, String name, List<String> aliases) {

	public CentralBody {
		aliases = List.copyOf(aliases);
	}

}
