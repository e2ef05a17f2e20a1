package org.policygraph.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttle's rules, on a clock the test moves.
 */
class LoginThrottleTests {

	private static final Duration WINDOW = Duration.ofMinutes(5);

	private final MovingClock clock = new MovingClock();

	private final LoginThrottle throttle = new LoginThrottle(3, WINDOW, 1_000, this.clock);

	@Test
	void shouldHoldAnAddressAfterTheLimitUntilItsWindowCloses() {
		fail("10.0.0.1", "editor", 2);
		assertThat(this.throttle.retryAfter("10.0.0.1", "editor")).isZero();
		this.clock.advance(Duration.ofMinutes(1));
		fail("10.0.0.1", "editor", 1);

		assertThat(this.throttle.retryAfter("10.0.0.1", "editor")).isEqualTo(Duration.ofMinutes(4));
		assertThat(this.throttle.retryAfter("10.0.0.1", "reader")).as("any name from the address")
			.isEqualTo(Duration.ofMinutes(4));

		this.clock.advance(Duration.ofMinutes(4));
		assertThat(this.throttle.retryAfter("10.0.0.1", "editor")).isZero();
	}

	@Test
	void shouldNotLockTheEditorOutFromAnAddressWithoutFailures() {
		fail("10.0.0.66", "editor", 3);

		assertThat(this.throttle.retryAfter("10.0.0.66", "editor")).isPositive();
		assertThat(this.throttle.retryAfter("192.168.1.5", "editor")).as("the editor at their desk").isZero();
	}

	@Test
	void shouldGiveGuessesSpreadOverAddressesOneTryEachOnceTheNameIsHeld() {
		fail("10.0.0.1", "editor", 1);
		fail("10.0.0.2", "editor", 1);
		fail("10.0.0.3", "editor", 1);

		assertThat(this.throttle.retryAfter("10.0.0.1", "editor")).isPositive();
		assertThat(this.throttle.retryAfter("10.0.0.4", "editor")).isZero();
		fail("10.0.0.4", "editor", 1);
		assertThat(this.throttle.retryAfter("10.0.0.4", "editor")).isPositive();
		assertThat(this.throttle.retryAfter("10.0.0.4", "reader")).as("other names from it").isZero();
	}

	@Test
	void shouldClearTheCountsOnASuccessfulLogin() {
		fail("10.0.0.1", "editor", 2);
		this.throttle.succeeded("10.0.0.1", "editor");
		fail("10.0.0.1", "editor", 2);

		assertThat(this.throttle.retryAfter("10.0.0.1", "editor")).isZero();
	}

	@Test
	void shouldKeepMemoryBounded() {
		for (int i = 0; i < 20_000; i++) {
			this.throttle.failed("10.1." + (i / 256) + "." + (i % 256), "name-" + i);
		}

		assertThat(this.throttle.tracked()).isLessThanOrEqualTo(2_000);
	}

	@Test
	void shouldForgetKeysWhenTheirWindowCloses() {
		fail("10.0.0.1", "editor", 1);
		this.clock.advance(WINDOW);

		assertThat(this.throttle.tracked()).isZero();
	}

	private void fail(String address, String name, int times) {
		for (int i = 0; i < times; i++) {
			this.throttle.failed(address, name);
		}
	}

	private static final class MovingClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
