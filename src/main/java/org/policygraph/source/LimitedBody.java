package org.policygraph.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a limit and stops the transfer as soon as it would
 * exceed it (before anything is read when {@code Content-Length} already says so): an
 * oversized body costs at most the limit in memory.
 */
final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

	/** The body was larger than allowed. */
	static final class TooLargeException extends IOException {

		private static final long serialVersionUID = 1L;

		TooLargeException(String message) {
			super(message);
		}

	}

	private final CompletableFuture<byte[]> result = new CompletableFuture<>();

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final long limit;

	private final long declaredLength;

	private Flow.Subscription subscription;

	/**
	 * @param limit the most bytes accepted
	 * @return a handler that refuses bodies over the limit
	 */
	static HttpResponse.BodyHandler<byte[]> handler(long limit) {
		return info -> new LimitedBody(limit, info.headers().firstValueAsLong("Content-Length").orElse(-1));
	}

	LimitedBody(long limit, long declaredLength) {
		this.limit = limit;
		this.declaredLength = declaredLength;
	}

	@Override
	public CompletionStage<byte[]> getBody() {
		return this.result;
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.subscription = subscription;
		if (this.declaredLength > this.limit) {
			subscription.cancel();
			this.result.completeExceptionally(new TooLargeException(
					"body of " + this.declaredLength + " bytes (Content-Length) is over the limit of " + this.limit));
			return;
		}
		subscription.request(1);
	}

	@Override
	public void onNext(List<ByteBuffer> buffers) {
		if (this.result.isDone()) {
			return;
		}
		for (ByteBuffer buffer : buffers) {
			if (this.out.size() + (long) buffer.remaining() > this.limit) {
				this.subscription.cancel();
				this.result
					.completeExceptionally(new TooLargeException("body is over the limit of " + this.limit + " bytes"));
				return;
			}
			byte[] bytes = new byte[buffer.remaining()];
			buffer.get(bytes);
			this.out.write(bytes, 0, bytes.length);
		}
		this.subscription.request(1);
	}

	@Override
	public void onError(Throwable throwable) {
		this.result.completeExceptionally(throwable);
	}

	@Override
	public void onComplete() {
		this.result.complete(this.out.toByteArray());
	}

}
