package org.policygraph.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches the memory of the server process from outside, with the JDK's own tools: heap
 * in use and committed from {@code jstat -gc} (one long-running sampler, cheap) or
 * {@code jcmd
 * GC.heap_info}, a full collection with {@code jcmd GC.run}, and the resident set size
 * from {@code /proc/<pid>/status}.
 */
final class ServerProbe implements AutoCloseable {

	private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");

	private final long pid;

	private volatile Process sampler;

	private volatile double peakHeapUsedKiB;

	private volatile double peakHeapCommittedKiB;

	private volatile long peakRssKiB;

	/**
	 * @param pid the server's process id
	 */
	ServerProbe(long pid) {
		this.pid = pid;
	}

	/** Samples heap (jstat) and RSS every second until {@link #close()}. */
	void startSampling() {
		try {
			this.sampler = new ProcessBuilder("jstat", "-gc", Long.toString(this.pid), "1000").redirectErrorStream(true)
				.start();
		}
		catch (IOException ex) {
			System.err.println("jstat not available: " + ex.getMessage());
			return;
		}
		Thread reader = new Thread(() -> readSamples(this.sampler), "jstat-reader");
		reader.setDaemon(true);
		reader.start();
	}

	private void readSamples(Process process) {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))) {
			List<String> header = null;
			String line;
			while ((line = in.readLine()) != null) {
				String[] fields = line.trim().split("\\s+");
				if (fields.length > 0 && fields[0].equals("S0C")) {
					header = Arrays.asList(fields);
					continue;
				}
				if (header == null || fields.length != header.size()) {
					continue;
				}
				double used = sum(header, fields, "S0U", "S1U", "EU", "OU");
				double committed = sum(header, fields, "S0C", "S1C", "EC", "OC");
				this.peakHeapUsedKiB = Math.max(this.peakHeapUsedKiB, used);
				this.peakHeapCommittedKiB = Math.max(this.peakHeapCommittedKiB, committed);
				this.peakRssKiB = Math.max(this.peakRssKiB, status("VmRSS"));
			}
		}
		catch (IOException | RuntimeException ex) {
			// the sampler ends with the server or at close()
		}
	}

	private static double sum(List<String> header, String[] fields, String... columns) {
		double total = 0;
		for (String column : columns) {
			int i = header.indexOf(column);
			if (i >= 0) {
				total += Double.parseDouble(fields[i].replace(',', '.'));
			}
		}
		return total;
	}

	/** Runs a full collection in the server ({@code jcmd GC.run}). */
	void collectGarbage() {
		jcmd("GC.run");
	}

	/**
	 * @return heap in use and committed now, in KiB ({@code jcmd GC.heap_info}); zeros
	 * when the output is not understood
	 */
	long[] heapKiB() {
		Matcher m = HEAP.matcher(jcmd("GC.heap_info"));
		return m.find() ? new long[] { Long.parseLong(m.group(2)), Long.parseLong(m.group(1)) } : new long[] { 0, 0 };
	}

	/**
	 * @param field e.g. {@code VmRSS} or {@code VmHWM}
	 * @return the value from {@code /proc/<pid>/status} in KiB, 0 when unreadable
	 */
	long status(String field) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(this.pid), "status"))) {
				if (line.startsWith(field + ":")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			return 0;
		}
		return 0;
	}

	/**
	 * A snapshot after a full collection: heap used and committed, RSS now and at its
	 * peak.
	 */
	Map<String, Object> settledMemory() {
		collectGarbage();
		long[] heap = heapKiB();
		Map<String, Object> memory = new LinkedHashMap<>();
		memory.put("heapUsedAfterGcMiB", mib(heap[0]));
		memory.put("heapCommittedMiB", mib(heap[1]));
		memory.put("rssMiB", mib(status("VmRSS")));
		memory.put("peakRssMiB", mib(status("VmHWM")));
		return memory;
	}

	/** The peaks the sampler saw since {@link #startSampling()}. */
	Map<String, Object> peaks() {
		Map<String, Object> peaks = new LinkedHashMap<>();
		peaks.put("peakHeapUsedMiB", mib(this.peakHeapUsedKiB));
		peaks.put("peakHeapCommittedMiB", mib(this.peakHeapCommittedKiB));
		peaks.put("peakRssSampledMiB", mib(this.peakRssKiB));
		return peaks;
	}

	static double mib(double kib) {
		return Math.round(kib / 1024 * 10) / 10.0;
	}

	private String jcmd(String command) {
		try {
			Process process = new ProcessBuilder("jcmd", Long.toString(this.pid), command).redirectErrorStream(true)
				.start();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor(60, TimeUnit.SECONDS);
			return out;
		}
		catch (IOException ex) {
			return "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "";
		}
	}

	@Override
	public void close() {
		Process process = this.sampler;
		if (process != null) {
			process.destroy();
		}
	}

}
