package org.policygraph.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Time limits of transactional ingest.
 *
 * @param transactionTimeout the most one write transaction (one batch) or the read before
 * it may take; the database rolls it back then. Inside a request the request's time left
 * is the limit when it is shorter.
 * @param answerReserve the time an {@code ingestArticles} call keeps back from its
 * request's timeout to answer in: it starts no batch, and its transactions end, this long
 * before the timeout, so that the call answers with a result per article instead of a
 * timeout error
 */
@ConfigurationProperties("policygraph.ingest")
public record IngestProperties(@DefaultValue("120s") Duration transactionTimeout,
		@DefaultValue("2s") Duration answerReserve) {

	public IngestProperties {
		if (transactionTimeout.isNegative() || transactionTimeout.isZero()) {
			throw new IllegalArgumentException("policygraph.ingest.transaction-timeout must be positive");
		}
		if (answerReserve.isNegative()) {
			throw new IllegalArgumentException("policygraph.ingest.answer-reserve must not be negative");
		}
	}

}
