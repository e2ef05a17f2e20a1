/**
 * Rule-based extraction of provinces, party bodies, party documents and their relations
 * (ISSUED_BY, IMPLEMENTS, PART_OF, OF_PROVINCE) from Vietnamese party-building news.
 * {@link org.policygraph.extraction.Extractor} runs the pipeline normalize → split
 * sentences → recognize → resolve within the article → relate; its rules are data files
 * under {@code extraction/} on the classpath and its output is the immutable
 * {@link org.policygraph.extraction.Extraction}, whose documents carry an identity key
 * {@code code|scope|when} because a code alone is not an identity. Pure Java: no Spring,
 * no database, no network.
 */
package org.policygraph.extraction;
