package org.policygraph.implementation;

/**
 * A document reached by following IMPLEMENTS steps.
 *
 * @param documentKey the document
 * @param distance the number of steps
 */
public record DocumentStep(String documentKey, int distance) {
}
