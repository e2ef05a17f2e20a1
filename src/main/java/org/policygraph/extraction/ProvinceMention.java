package org.policygraph.extraction;

/**
 * A provincial unit mentioned in an article.
 *
 * @param key the {@link org.policygraph.reference.ProvinceUnit#key() unit key}
 * @param name the canonical name of the unit
 * @param surface the text as found (first occurrence)
 * @param sentence the first sentence where it was found
 */
public record ProvinceMention(String key, String name, String surface, String sentence) {
}
