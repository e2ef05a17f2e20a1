package org.policygraph.cache;

/**
 * The one signal that the graph changed, published (as an application event) by every
 * writer after its writes committed: an ingest batch (through the API, the command line
 * or a source poll), a bulk load. Every cache of graph answers on this instance is
 * emptied when it is published ({@link GraphGeneration}), before any other listener hears
 * of the write.
 *
 * @param cause what changed the graph
 */
public record GraphChanged(Cause cause) {

	/** A batch of writes committed. */
	public static GraphChanged written() {
		return new GraphChanged(Cause.WRITTEN);
	}

	/**
	 * The store was replaced by another (a bulk load): the bookmarks known so far name
	 * the old one.
	 */
	public static GraphChanged storeReplaced() {
		return new GraphChanged(Cause.STORE_REPLACED);
	}

	/** What changed the graph. */
	public enum Cause {

		/** Transactions committed writes (an ingest batch). */
		WRITTEN,

		/** The database's store was replaced (a bulk load). */
		STORE_REPLACED

	}

}
