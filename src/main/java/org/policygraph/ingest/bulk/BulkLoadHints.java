package org.policygraph.ingest.bulk;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

/**
 * Hints for a bulk load on a JVM started without the two options that make it faster
 * (docs/PERFORMANCE.md). The README's bulk-load command and the ingest benchmark pass
 * both.
 * <ul>
 * <li>{@code -XX:-DontCompileHugeMethods}: the full-text index folds diacritics with
 * Lucene's {@code ASCIIFoldingFilter.foldToASCII}, a method of 14,179 bytes of bytecode.
 * HotSpot does not compile methods over 8,000 bytes without the option, so for Vietnamese
 * text, where nearly every word has a diacritic, that method runs interpreted: about a
 * third of the index population of a bulk load. {@code spring-boot:run} and the
 * Dockerfile pass it too.</li>
 * <li>{@code -XX:+UseParallelGC}: a bulk load is a batch job on every core, where G1 (the
 * default collector) spends CPU on concurrent work that the throughput collector does
 * not; 2–5 s of about 50 at 100,000 articles. Not for the server, whose requests want
 * G1's short pauses.</li>
 * </ul>
 */
final class BulkLoadHints {

	static final String HUGE_METHODS = "DontCompileHugeMethods";

	static final String PARALLEL_GC = "UseParallelGC";

	private BulkLoadHints() {
	}

	/**
	 * @return the hints for this JVM, none when it is not HotSpot or has both options
	 */
	static List<String> forBulkLoad() {
		return forBulkLoad(currentValue(HUGE_METHODS), currentValue(PARALLEL_GC));
	}

	static List<String> forBulkLoad(Optional<String> dontCompileHugeMethods, Optional<String> useParallelGc) {
		List<String> hints = new ArrayList<>();
		if (dontCompileHugeMethods.filter("true"::equals).isPresent()) {
			hints.add("Hint: this JVM leaves methods over 8,000 bytes of bytecode to the interpreter, among them "
					+ "the diacritic folding of the full-text index; start java with -XX:-" + HUGE_METHODS
					+ " for a faster index build.");
		}
		if (useParallelGc.filter("false"::equals).isPresent()) {
			hints.add("Hint: a bulk load keeps every core busy; start java with -XX:+" + PARALLEL_GC
					+ " to spend less of them on garbage collection.");
		}
		return hints;
	}

	/**
	 * @param option a HotSpot option's name
	 * @return the option's value on this JVM, empty when it is not HotSpot or cannot tell
	 */
	static Optional<String> currentValue(String option) {
		try {
			HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
			return Optional.ofNullable(hotSpot).map(bean -> bean.getVMOption(option)).map(VMOption::getValue);
		}
		catch (RuntimeException | LinkageError ex) {
			// not HotSpot, no such option, or a runtime without jdk.management: nothing
			// to suggest
			return Optional.empty();
		}
	}

}
