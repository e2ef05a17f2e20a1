package org.policygraph.analytics;

/**
 * Articles published in one month.
 *
 * @param month the month, {@code yyyy-MM}
 * @param count the number of articles
 */
record MonthCount(String month, int count) {
}
