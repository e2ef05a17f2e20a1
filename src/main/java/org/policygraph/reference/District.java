package org.policygraph.reference;

/**
 * A district-level unit known to the gazetteer, used to place district party committees
 * ({@code Thành ủy Vinh} belongs to Nghệ An).
 *
 * @param name the canonical name
 * @param provinceKey the key of the provincial unit it belonged to before 1-7-2025
 * @param kind {@code "city"} (thành phố thuộc tỉnh) or {@code "town"} (thị xã)
 */
public record District(String name, String provinceKey, String kind) {
}
