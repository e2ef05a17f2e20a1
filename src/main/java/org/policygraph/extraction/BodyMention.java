package org.policygraph.extraction;

/**
 * A party body mentioned in an article.
 *
 * @param key {@code scope/slug}, see
 * {@link org.policygraph.reference.PartyBodyCatalog#key(String, String)}
 * @param name a display name ({@code Ban Thường vụ Tỉnh ủy Đắk Lắk})
 * @param level the level of the body
 * @param provinceKey the province of a local body, {@code null} for central bodies
 * @param parentKey the body it belongs to ({@code 66/ban-thuong-vu-tinh-uy} →
 * {@code 66/tinh-uy}), or {@code null}
 * @param surface the text as found (first occurrence)
 * @param sentence the first sentence where it was found
 */
public record BodyMention(String key, String name, BodyLevel level, String provinceKey, String parentKey,
		String surface, String sentence) {
}
