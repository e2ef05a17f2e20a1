package org.policygraph.extraction;

/**
 * A reference to an entity of an {@link Extraction} by kind and key.
 *
 * @param kind the kind of node
 * @param key the key of the province, body or document
 */
public record NodeRef(NodeKind kind, String key) {

	public static NodeRef province(String key) {
		return new NodeRef(NodeKind.PROVINCE, key);
	}

	public static NodeRef body(String key) {
		return new NodeRef(NodeKind.BODY, key);
	}

	public static NodeRef document(String key) {
		return new NodeRef(NodeKind.DOCUMENT, key);
	}

}
