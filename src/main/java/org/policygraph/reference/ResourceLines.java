package org.policygraph.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tab-separated resource files of the project: {@code #} starts a comment line,
 * blank lines are skipped, trailing empty columns are kept.
 */
public final class ResourceLines {

	private ResourceLines() {
	}

	/** The rows of a classpath resource, each split on tabs. */
	public static List<String[]> read(String resource) {
		ClassLoader loader = ResourceLines.class.getClassLoader();
		try (InputStream in = loader.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing classpath resource " + resource);
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			List<String[]> rows = new ArrayList<>();
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] cells = line.split("\t", -1);
				for (int i = 0; i < cells.length; i++) {
					cells[i] = cells[i].strip();
				}
				rows.add(cells);
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource, ex);
		}
	}

	/** The cell at {@code index}, or an empty string when the row is shorter. */
	public static String cell(String[] row, int index) {
		return index < row.length ? row[index] : "";
	}

}
