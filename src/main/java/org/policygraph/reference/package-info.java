/**
 * Reference data for the extractor and the graph: Unicode normalization of Vietnamese
 * text ({@link org.policygraph.reference.TextNormalizer}), the gazetteer of provincial
 * units before and after the merger of 1-7-2025 with their spelling variants
 * ({@link org.policygraph.reference.ProvinceGazetteer}), and the catalog of party bodies
 * with the key rule shared by every component
 * ({@link org.policygraph.reference.PartyBodyCatalog}). Pure Java, loaded from
 * tab-separated files under {@code reference/} on the classpath.
 */
package org.policygraph.reference;
