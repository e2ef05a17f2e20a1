package org.policygraph.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Counts failed logins per client address and per user name, in fixed windows, and tells
 * when a login attempt must wait.
 * <ul>
 * <li>A window opens at a key's first failure and lasts {@code window}; after
 * {@code maxFailures} failures in it, the key is held until the window closes, whatever
 * the password (a guess that happens to be right is refused as well: no answer while held
 * tells anything).</li>
 * <li>An address that is held is refused for every user name.</li>
 * <li>A user name that is held is refused only from addresses that have failed in their
 * own current window. An address without a recent failure (the editor at their usual
 * desk) still gets through: an attacker hammering the editor's name cannot lock the
 * editor out, and an attacker spreading guesses over many addresses gets one guess per
 * fresh address per window, not {@code maxFailures}.</li>
 * <li>A successful login clears the counts of its address and of its user name.</li>
 * <li>Memory is bounded: at most {@code maxKeys} addresses and as many names are tracked,
 * each forgotten when its window closes.</li>
 * </ul>
 * Failures and successes come from Spring Security's authentication events (HTTP Basic
 * fills in the client's address); {@link LoginThrottleFilter} asks before a password is
 * checked.
 */
final class LoginThrottle {

	private final int maxFailures;

	private final Duration window;

	private final Clock clock;

	private final Cache<String, Failures> addresses;

	private final Cache<String, Failures> names;

	LoginThrottle(int maxFailures, Duration window, long maxKeys, Clock clock) {
		if (maxFailures < 1) {
			throw new IllegalArgumentException("maxFailures must be at least 1, got " + maxFailures);
		}
		if (window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("window must be positive, got " + window);
		}
		this.maxFailures = maxFailures;
		this.window = window;
		this.clock = clock;
		this.addresses = cache(maxKeys, clock);
		this.names = cache(maxKeys, clock);
	}

	private static Cache<String, Failures> cache(long maxKeys, Clock clock) {
		return Caffeine.newBuilder()
			.maximumSize(maxKeys)
			.ticker(ticker(clock))
			.expireAfter(Expiry.<String, Failures>writing((key, failures) -> failures.remaining(clock.instant())))
			.build();
	}

	private static Ticker ticker(Clock clock) {
		return () -> {
			Instant now = clock.instant();
			return now.getEpochSecond() * 1_000_000_000L + now.getNano();
		};
	}

	/**
	 * How long a login attempt must wait.
	 * @param address the client's address
	 * @param name the user name it sends
	 * @return zero when it may go ahead, else the time until it may
	 */
	Duration retryAfter(String address, String name) {
		Instant now = this.clock.instant();
		Failures byAddress = this.addresses.getIfPresent(address);
		Duration wait = Duration.ZERO;
		if (byAddress != null && byAddress.held(this.maxFailures, now)) {
			wait = byAddress.remaining(now);
		}
		Failures byName = this.names.getIfPresent(name);
		if (byName != null && byName.held(this.maxFailures, now) && byAddress != null && byAddress.count() > 0) {
			Duration nameWait = byName.remaining(now);
			wait = (nameWait.compareTo(wait) > 0) ? nameWait : wait;
		}
		return wait;
	}

	/** Counts a failed login. */
	void failed(String address, String name) {
		Instant now = this.clock.instant();
		this.addresses.asMap().compute(address, (key, old) -> Failures.add(old, now, this.window));
		this.names.asMap().compute(name, (key, old) -> Failures.add(old, now, this.window));
	}

	/** Clears the counts after a successful login. */
	void succeeded(String address, String name) {
		this.addresses.invalidate(address);
		this.names.invalidate(name);
	}

	@EventListener
	void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		String address = address(event.getAuthentication());
		if (address != null) {
			failed(address, event.getAuthentication().getName());
		}
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		String address = address(event.getAuthentication());
		if (address != null) {
			succeeded(address, event.getAuthentication().getName());
		}
	}

	private static String address(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: null;
	}

	/** Keys tracked now (for tests and metrics). */
	long tracked() {
		this.addresses.cleanUp();
		this.names.cleanUp();
		return this.addresses.estimatedSize() + this.names.estimatedSize();
	}

	/**
	 * Failures in one window.
	 *
	 * @param count failures so far
	 * @param closes when the window closes
	 */
	record Failures(int count, Instant closes) {

		static Failures add(Failures old, Instant now, Duration window) {
			if (old == null || !now.isBefore(old.closes)) {
				return new Failures(1, now.plus(window));
			}
			return new Failures(old.count + 1, old.closes);
		}

		boolean held(int maxFailures, Instant now) {
			return this.count >= maxFailures && now.isBefore(this.closes);
		}

		Duration remaining(Instant now) {
			Duration left = Duration.between(now, this.closes);
			return left.isNegative() ? Duration.ZERO : left;
		}

	}

}
