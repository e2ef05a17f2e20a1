package org.policygraph.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.util.unit.DataSize;

/**
 * How much a client may send to {@code /graphql} ({@link RequestBodyLimit}).
 *
 * @param maxSize the largest request body over HTTP; a larger one is answered 413 without
 * being read. The largest ingest batch (1,000 articles) fits when its articles average up
 * to about 16 KiB; one article of the largest text (1 MiB) fits too
 * @param maxInFlight the most body bytes all requests being read and run may hold
 * together; a request that would go over it is answered 503 at once, with
 * {@code Retry-After}, so that a crowd of large bodies cannot exhaust the memory
 * @param maxWebSocketMessage the largest graphql-ws message; a larger one closes the
 * connection with status 1009 (message too big). Subscriptions and queries are small;
 * ingest large batches over HTTP
 */
@ConfigurationProperties("policygraph.graphql.body")
public record RequestBodyProperties(DataSize maxSize, DataSize maxInFlight, DataSize maxWebSocketMessage) {

	@ConstructorBinding
	public RequestBodyProperties {
		maxSize = (maxSize != null) ? maxSize : DataSize.ofMegabytes(16);
		maxInFlight = (maxInFlight != null) ? maxInFlight : DataSize.ofMegabytes(64);
		if (maxInFlight.toBytes() < maxSize.toBytes()) {
			maxInFlight = maxSize;
		}
		maxWebSocketMessage = (maxWebSocketMessage != null) ? maxWebSocketMessage : DataSize.ofKilobytes(256);
	}

}
