package org.policygraph.analytics;

/**
 * One bar of a chart.
 *
 * @param key the machine key (province key, document type, year)
 * @param label the readable name
 * @param count the number counted
 */
record CountBucket(String key, String label, int count) {
}
