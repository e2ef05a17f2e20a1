package org.policygraph.graph;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;

/**
 * A party body as the API shows it.
 *
 * @param key the identity key
 * @param name the canonical name
 * @param level the level
 * @param provinceKey the province of a local body
 */
public record PartyBody(String key, String name, String level, @Nullable String provinceKey) {

	/**
	 * Maps a {@code PartyBody} node.
	 * @param b the node as the driver returns it
	 * @return the read model
	 */
	public static PartyBody of(Value b) {
		return new PartyBody(b.get("key").asString(), b.get("name").asString(), b.get("level").asString("OTHER"),
				b.get("provinceKey").asString(null));
	}

}
