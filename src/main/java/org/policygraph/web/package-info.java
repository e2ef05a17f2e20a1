/**
 * The browser pages besides GraphiQL: the graph explorer and the dashboard, plain HTML
 * and ES modules under {@code static/} that read the graph only through the public
 * GraphQL API.
 */
@NullMarked
package org.policygraph.web;

import org.jspecify.annotations.NullMarked;
