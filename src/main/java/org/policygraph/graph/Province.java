package org.policygraph.graph;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;

/**
 * A provincial-level unit as the API shows it.
 *
 * @param key the identity key
 * @param name the canonical name
 * @param gsoCode the GSO code of a pre-2025 unit
 * @param type {@code province} or {@code city}
 * @param era {@code PRE_2025}, {@code POST_2025} or {@code BOTH}
 * @param aliases other spellings
 * @param mergedIntoKey the unit it merged into on 1-7-2025
 */
public record Province(String key, String name, @Nullable String gsoCode, String type, String era, List<String> aliases,
		@Nullable String mergedIntoKey) {

	/**
	 * Maps a {@code Province} node.
	 * @param p the node as the driver returns it
	 * @return the read model
	 */
	public static Province of(Value p) {
		return new Province(p.get("key").asString(), p.get("name").asString(), p.get("gsoCode").asString(null),
				p.get("type").asString("province"), p.get("era").asString(),
				p.get("aliases").isNull() ? List.of() : p.get("aliases").asList(Value::asString),
				p.get("mergedIntoKey").asString(null));
	}

}
