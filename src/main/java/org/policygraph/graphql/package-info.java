/**
 * GraphQL support shared by the capability packages: Relay connections with opaque
 * cursors, scalars, and the classification of errors ({@code BAD_REQUEST},
 * {@code NOT_FOUND}, {@code INTERNAL}) so no response carries a stack trace.
 */
@NullMarked
package org.policygraph.graphql;

import org.jspecify.annotations.NullMarked;
