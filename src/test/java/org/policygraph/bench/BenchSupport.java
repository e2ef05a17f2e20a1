package org.policygraph.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the benchmark programs share: {@code --name=value} arguments, the machine's
 * description and load, and writing JSON.
 */
final class BenchSupport {

	private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private BenchSupport() {
	}

	/**
	 * @param args {@code --name=value} arguments
	 * @return the values by name
	 */
	static Map<String, String> arguments(String[] args) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("expected --name=value, got " + arg);
			}
			values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
		}
		return values;
	}

	static String required(Map<String, String> args, String name) {
		String value = args.get(name);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("missing --" + name + "=…");
		}
		return value;
	}

	/** Cores, memory, Java, and the load average now. */
	static Map<String, Object> machine() {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cores", Runtime.getRuntime().availableProcessors());
		machine.put("memoryMiB", memTotalMiB());
		machine.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
		machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
		machine.put("loadAverageAtStart", loadAverage());
		machine.put("clientJvmArgs", ManagementFactory.getRuntimeMXBean().getInputArguments());
		return machine;
	}

	/** The 1, 5 and 15 minute load averages, as {@code /proc/loadavg} gives them. */
	static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException | RuntimeException ex) {
			return String.format(java.util.Locale.ROOT, "%.2f",
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}

	private static long memTotalMiB() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
				if (line.startsWith("MemTotal:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			return 0;
		}
		return 0;
	}

	static void writeJson(Path file, Object value) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		Files.writeString(file, PRETTY.writeValueAsString(value) + "\n");
	}

	static String fmt(double value) {
		if (value >= 100) {
			return String.format(java.util.Locale.ROOT, "%,.0f", value);
		}
		return String.format(java.util.Locale.ROOT, "%.1f", value);
	}

}
