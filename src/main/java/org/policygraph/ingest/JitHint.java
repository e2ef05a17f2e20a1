package org.policygraph.ingest;

import java.lang.management.ManagementFactory;
import java.util.Optional;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

/**
 * A hint for a bulk load on a JVM that leaves huge methods to the interpreter.
 * <p>
 * The full-text index folds diacritics with Lucene's {@code ASCIIFoldingFilter.foldToASCII}, a
 * method of 14,179 bytes of bytecode. HotSpot does not compile methods over 8,000 bytes unless
 * started with {@code -XX:-DontCompileHugeMethods}, so for Vietnamese text, where nearly every word
 * has a diacritic, that method runs interpreted: about a third of the index population of a bulk
 * load (docs/PERFORMANCE.md). The README's bulk-load command, {@code spring-boot:run} and the Dockerfile
 * pass the option; this hint tells whoever starts the jar without it.
 */
final class JitHint {

	static final String OPTION = "DontCompileHugeMethods";

	private JitHint() {
	}

	/**
	 * @return the hint, when this JVM is HotSpot and does not compile huge methods
	 */
	static Optional<String> forBulkLoad() {
		return forBulkLoad(currentValue());
	}

	static Optional<String> forBulkLoad(Optional<String> dontCompileHugeMethods) {
		if (dontCompileHugeMethods.filter("true"::equals).isEmpty()) {
			return Optional.empty();
		}
		return Optional.of("Hint: this JVM leaves methods over 8,000 bytes of bytecode to the interpreter, among them "
				+ "the diacritic folding of the full-text index; start java with -XX:-" + OPTION
				+ " for a faster index build.");
	}

	/**
	 * @return the option's value on this JVM, empty when it is not HotSpot or cannot tell
	 */
	static Optional<String> currentValue() {
		try {
			HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
			return Optional.ofNullable(hotSpot).map(bean -> bean.getVMOption(OPTION)).map(VMOption::getValue);
		}
		catch (RuntimeException | LinkageError ex) {
			// not HotSpot, no such option, or a runtime without jdk.management: nothing to suggest
			return Optional.empty();
		}
	}

}
