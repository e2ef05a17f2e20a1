package org.policygraph.body;

import org.jspecify.annotations.Nullable;

/**
 * A party body as the API shows it.
 *
 * @param key the identity key
 * @param name the canonical name
 * @param level the level
 * @param provinceKey the province of a local body
 */
public record PartyBody(String key, String name, String level, @Nullable String provinceKey) {
}
