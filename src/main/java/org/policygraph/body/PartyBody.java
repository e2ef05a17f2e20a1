package org.policygraph.body;

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
	 * Maps a {@code PartyBody} node, for queries outside this package that return party body nodes.
	 * @param node a PartyBody node as the driver returns it
	 * @return the read model
	 */
	public static PartyBody fromNode(Value node) {
		return BodyQueries.map(node);
	}

}
