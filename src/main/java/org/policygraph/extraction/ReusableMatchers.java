package org.policygraph.extraction;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One reusable {@link Matcher} per pattern and thread: the recognizers apply small
 * anchored patterns many times per article, and creating a matcher each time costs more
 * than matching. A matcher returned here is valid until the same pattern is asked for
 * again on the same thread.
 */
final class ReusableMatchers {

	private static final ThreadLocal<Map<Pattern, Matcher>> MATCHERS = ThreadLocal.withInitial(IdentityHashMap::new);

	private ReusableMatchers() {
	}

	/**
	 * A matcher of {@code pattern} over {@code text}: whole-text region, opaque bounds.
	 */
	static Matcher of(Pattern pattern, CharSequence text) {
		Map<Pattern, Matcher> matchers = MATCHERS.get();
		Matcher matcher = matchers.get(pattern);
		if (matcher == null) {
			matcher = pattern.matcher(text);
			matchers.put(pattern, matcher);
		}
		else {
			matcher.reset(text);
		}
		return matcher.useTransparentBounds(false);
	}

}
