/**
 * The database: an embedded Neo4j started in-process by default, or any Neo4j 5 over Bolt
 * when {@code NEO4J_URI} / {@code spring.neo4j.uri} is configured; the schema migration
 * runner; and the start-up initialization (migrations, reference data) that every
 * instance runs. Both modes use the same code path: the Neo4j Java driver over Bolt. The
 * embedded database's Bolt port is locked down as a server's would be (a login with a
 * password generated for the data directory, no local files for {@code LOAD CSV}, no Bolt
 * over WebSocket): see {@link org.policygraph.neo4j.EmbeddedNeo4j}.
 */
@NullMarked
package org.policygraph.neo4j;

import org.jspecify.annotations.NullMarked;
