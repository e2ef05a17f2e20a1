/**
 * Who may do what: reads are public by default (configurable to require a reader), every
 * write needs the editor role. Credentials come from configuration or the environment;
 * HTTP Basic.
 */
@NullMarked
package org.policygraph.security;

import org.jspecify.annotations.NullMarked;
