package org.policygraph.reference;

import java.util.List;

/**
 * The head of a provincial or district body name: {@code Ban Thường vụ} in
 * {@code Ban Thường vụ Tỉnh ủy}. The committee itself ({@code Tỉnh ủy}) has an empty
 * head.
 *
 * @param name the canonical head, empty for the committee itself
 * @param aliases abbreviations and variants ({@code BTV})
 */
public record LocalBodyHead(String name, List<String> aliases) {

	public LocalBodyHead {
		aliases = List.copyOf(aliases);
	}

	/** Whether this is the committee itself rather than one of its organs. */
	public boolean isCommittee() {
		return this.name.isEmpty();
	}

}
