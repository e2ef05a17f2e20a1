package org.policygraph.export;

import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.policygraph.traversal.Subgraph;
import org.policygraph.traversal.Subgraph.GraphEdge;
import org.policygraph.traversal.Subgraph.GraphNode;

/**
 * Writes a subgraph as GraphML (read by Gephi, Cytoscape, yEd, NetworkX). GraphML ids
 * must be XML name tokens, which keys such as {@code 22-NQ/TW|TW|2008-02-02} are not, so
 * nodes are numbered ({@code n0}, {@code n1} …) and carry their key in the {@code key}
 * attribute; node attributes {@code key}, {@code kind}, {@code label}; edge attributes
 * {@code type}, {@code articleCount}, {@code firstReported}.
 */
final class GraphMl {

	/** The GraphML namespace. */
	static final String NS = "http://graphml.graphdrawing.org/xmlns";

	private GraphMl() {
	}

	static void write(Subgraph graph, String name, OutputStream stream) throws XMLStreamException {
		write(graph, name, java.util.List.of(), stream);
	}

	/**
	 * @param graph the subgraph
	 * @param name the graph's id
	 * @param notes lines for an XML comment before the root element (e.g. that the file
	 * was cut)
	 * @param stream where to write
	 * @throws XMLStreamException when writing fails
	 */
	static void write(Subgraph graph, String name, java.util.List<String> notes, OutputStream stream)
			throws XMLStreamException {
		XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(stream, "UTF-8");
		xml.writeStartDocument("UTF-8", "1.0");
		if (!notes.isEmpty()) {
			xml.writeCharacters("\n");
			// "--" may not occur inside an XML comment.
			xml.writeComment(" " + String.join("\n     ", notes).replace("--", "- -") + " ");
			xml.writeCharacters("\n");
		}
		xml.writeStartElement("graphml");
		xml.writeDefaultNamespace(NS);
		key(xml, "key", "node", "string");
		key(xml, "kind", "node", "string");
		key(xml, "label", "node", "string");
		key(xml, "type", "edge", "string");
		key(xml, "articleCount", "edge", "int");
		key(xml, "firstReported", "edge", "string");
		xml.writeStartElement("graph");
		xml.writeAttribute("id", name);
		xml.writeAttribute("edgedefault", "directed");
		Map<String, String> ids = new HashMap<>();
		for (GraphNode node : graph.nodes()) {
			String id = "n" + ids.size();
			ids.put(node.id(), id);
			xml.writeStartElement("node");
			xml.writeAttribute("id", id);
			data(xml, "key", node.id());
			data(xml, "kind", node.kind());
			data(xml, "label", node.label());
			xml.writeEndElement();
		}
		int count = 0;
		for (GraphEdge edge : graph.edges()) {
			String source = ids.get(edge.from());
			String target = ids.get(edge.to());
			if (source == null || target == null) {
				continue;
			}
			xml.writeStartElement("edge");
			xml.writeAttribute("id", "e" + count++);
			xml.writeAttribute("source", source);
			xml.writeAttribute("target", target);
			data(xml, "type", edge.type());
			if (edge.articleCount() != null) {
				data(xml, "articleCount", edge.articleCount().toString());
			}
			if (edge.firstReported() != null) {
				data(xml, "firstReported", edge.firstReported().toString());
			}
			xml.writeEndElement();
		}
		xml.writeEndElement();
		xml.writeEndElement();
		xml.writeEndDocument();
		xml.flush();
		xml.close();
	}

	private static void key(XMLStreamWriter xml, String name, String target, String type) throws XMLStreamException {
		xml.writeEmptyElement("key");
		xml.writeAttribute("id", name);
		xml.writeAttribute("for", target);
		xml.writeAttribute("attr.name", name);
		xml.writeAttribute("attr.type", type);
	}

	private static void data(XMLStreamWriter xml, String key, String value) throws XMLStreamException {
		xml.writeStartElement("data");
		xml.writeAttribute("key", key);
		xml.writeCharacters(value);
		xml.writeEndElement();
	}

}
