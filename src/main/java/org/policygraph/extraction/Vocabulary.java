package org.policygraph.extraction;

import java.util.HashMap;
import java.util.Map;

/**
 * Numbers the folded words of every phrase the extractor knows, so a sentence token is
 * looked up once (straight from the folded text, without creating a string) and then
 * compared by number in every {@link PhraseIndex}. Grows while the extractor is built;
 * {@link #freeze()} then builds the read-only lookup table shared by all threads.
 */
final class Vocabulary {

	/** The id of a word no phrase uses. */
	static final int UNKNOWN = -1;

	private final Map<String, Integer> ids = new HashMap<>();

	private String[] keys = new String[0];

	private int[] values = new int[0];

	private int mask = -1;

	int idOrAdd(String word) {
		if (this.mask >= 0) {
			throw new IllegalStateException("Vocabulary is frozen");
		}
		return this.ids.computeIfAbsent(word, w -> this.ids.size());
	}

	int size() {
		return this.ids.size();
	}

	/** Builds the lookup table; no word can be added afterwards. */
	void freeze() {
		int capacity = Integer.highestOneBit(Math.max(16, this.ids.size() * 4) - 1) << 1;
		String[] k = new String[capacity];
		int[] v = new int[capacity];
		int m = capacity - 1;
		for (Map.Entry<String, Integer> e : this.ids.entrySet()) {
			int slot = mix(hash(e.getKey(), 0, e.getKey().length())) & m;
			while (k[slot] != null) {
				slot = (slot + 1) & m;
			}
			k[slot] = e.getKey();
			v[slot] = e.getValue();
		}
		this.keys = k;
		this.values = v;
		this.mask = m;
	}

	/** The id of the word {@code text[start, end)}, or {@link #UNKNOWN}. */
	int id(String text, int start, int end) {
		if (this.mask < 0) {
			Integer id = this.ids.get(text.substring(start, end));
			return id == null ? UNKNOWN : id;
		}
		int length = end - start;
		int slot = mix(hash(text, start, end)) & this.mask;
		String key;
		while ((key = this.keys[slot]) != null) {
			if (key.length() == length && key.regionMatches(0, text, start, length)) {
				return this.values[slot];
			}
			slot = (slot + 1) & this.mask;
		}
		return UNKNOWN;
	}

	private static int hash(String text, int start, int end) {
		int h = 0;
		for (int i = start; i < end; i++) {
			h = 31 * h + text.charAt(i);
		}
		return h;
	}

	private static int mix(int h) {
		return h ^ (h >>> 16);
	}

}
