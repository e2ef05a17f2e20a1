/**
 * The database: an embedded Neo4j started in-process by default, or any Neo4j 5 over Bolt when
 * {@code NEO4J_URI} / {@code spring.neo4j.uri} is configured; the schema migration runner; and
 * the start-up initialization (migrations, reference data) that every instance runs.
 * Both modes use the same code path: the Neo4j Java driver over Bolt.
 */
@NullMarked
package org.policygraph.neo4j;

import org.jspecify.annotations.NullMarked;
