package org.policygraph.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's tile-grid maps ({@code static/js/province-tiles.json}) against the
 * reference data: one square for each of the 63 units before 1-7-2025 and each of the 34
 * after, named as in {@code reference/provinces.tsv}, no two on one square, and placed
 * roughly where the units lie: GSO codes run from north (01 Hà Nội) to south (96 Cà Mau),
 * so the rows must follow them, and a merged unit of the 34 must sit where its
 * predecessors sit among the 63.
 */
class ProvinceTilesTests {

	private static final List<Unit> UNITS = new ArrayList<>();

	private static JsonNode tiles;

	private record Unit(String key, String name, String era, String mergedInto) {
	}

	private record Tile(String key, String name, String abbr, int col, int row) {
	}

	@BeforeAll
	static void load() throws IOException {
		try (InputStream in = ProvinceTilesTests.class.getResourceAsStream("/reference/provinces.tsv");
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] f = line.split("\t", -1);
				UNITS.add(new Unit(f[0], f[1], f[3], f[4]));
			}
		}
		try (InputStream in = ProvinceTilesTests.class.getResourceAsStream("/static/js/province-tiles.json")) {
			tiles = JsonMapper.builder().build().readTree(in);
		}
	}

	private static List<Tile> tiles(String units) {
		List<Tile> list = new ArrayList<>();
		JsonNode grid = tiles.get(units);
		for (JsonNode t : grid.get("tiles")) {
			Tile tile = new Tile(t.get("key").asString(), t.get("name").asString(), t.get("abbr").asString(),
					t.get("col").asInt(), t.get("row").asInt());
			assertThat(tile.col()).as(tile.name()).isBetween(0, grid.get("columns").asInt() - 1);
			assertThat(tile.row()).as(tile.name()).isBetween(0, grid.get("rows").asInt() - 1);
			list.add(tile);
		}
		return list;
	}

	private static Map<String, String> namesOf(String... eras) {
		Map<String, String> names = new HashMap<>();
		UNITS.stream().filter(u -> List.of(eras).contains(u.era())).forEach(u -> names.put(u.key(), u.name()));
		return names;
	}

	@Test
	void shouldHaveOneSquareForEachOfThe63AndOfThe34() {
		assertOneSquareEach(tiles("PRE_2025"), namesOf("PRE_2025", "BOTH"), 63);
		assertOneSquareEach(tiles("POST_2025"), namesOf("POST_2025", "BOTH"), 34);
	}

	private static void assertOneSquareEach(List<Tile> tiles, Map<String, String> units, int count) {
		assertThat(units).hasSize(count);
		assertThat(tiles).hasSize(count);
		Map<String, String> named = new HashMap<>();
		tiles.forEach(t -> named.put(t.key(), t.name()));
		assertThat(named).isEqualTo(units);
		Set<String> squares = new HashSet<>();
		tiles.forEach(t -> assertThat(squares.add(t.col() + "," + t.row())).as("square of " + t.name()).isTrue());
		assertThat(tiles).allSatisfy(t -> assertThat(t.abbr()).isNotBlank().hasSizeLessThanOrEqualTo(4));
	}

	@Test
	void shouldPlaceThe63FromNorthToSouthAsTheirGsoCodesRun() {
		List<Tile> pre = tiles("PRE_2025");
		double[] codes = pre.stream().mapToDouble(t -> Integer.parseInt(t.key())).toArray();
		double[] rows = pre.stream().mapToDouble(Tile::row).toArray();
		assertThat(spearman(codes, rows)).isGreaterThan(0.95);
		// The regions of the GSO numbering, north to south, never out of order: the Red
		// River delta
		// and the north, the north of the centre, the coast and highlands (Bình Thuận and
		// Đồng Nai
		// share a latitude), the south-east, the Mekong delta.
		assertThat(maxRow(pre, 1, 37)).isLessThan(minRow(pre, 40, 96));
		assertThat(maxRow(pre, 1, 45)).isLessThan(minRow(pre, 46, 96));
		assertThat(maxRow(pre, 1, 68)).isLessThanOrEqualTo(minRow(pre, 72, 96));
		assertThat(maxRow(pre, 1, 79)).isLessThan(minRow(pre, 80, 96));
	}

	@Test
	void shouldPlaceEachOfThe34WhereItsPredecessorsLie() {
		Map<String, Tile> pre = new HashMap<>();
		tiles("PRE_2025").forEach(t -> pre.put(t.key(), t));
		List<Tile> post = tiles("POST_2025");
		double[] rowsAmong34 = new double[post.size()];
		double[] rowsAmong63 = new double[post.size()];
		double[] colsAmong34 = new double[post.size()];
		double[] colsAmong63 = new double[post.size()];
		for (int i = 0; i < post.size(); i++) {
			Tile unit = post.get(i);
			List<Tile> predecessors = UNITS.stream()
				.filter(u -> u.key().equals(unit.key()) || u.mergedInto().equals(unit.key()))
				.map(u -> pre.get(u.key()))
				.filter(t -> t != null)
				.toList();
			assertThat(predecessors).as(unit.name()).isNotEmpty();
			rowsAmong34[i] = unit.row();
			rowsAmong63[i] = predecessors.stream().mapToInt(Tile::row).average().orElseThrow();
			colsAmong34[i] = unit.col();
			colsAmong63[i] = predecessors.stream().mapToInt(Tile::col).average().orElseThrow();
		}
		assertThat(spearman(rowsAmong34, rowsAmong63)).isGreaterThan(0.97);
		assertThat(spearman(colsAmong34, colsAmong63)).isGreaterThan(0.7);
	}

	private static int maxRow(List<Tile> tiles, int fromCode, int toCode) {
		return tiles.stream().filter(t -> inRange(t, fromCode, toCode)).mapToInt(Tile::row).max().orElseThrow();
	}

	private static int minRow(List<Tile> tiles, int fromCode, int toCode) {
		return tiles.stream().filter(t -> inRange(t, fromCode, toCode)).mapToInt(Tile::row).min().orElseThrow();
	}

	private static boolean inRange(Tile tile, int fromCode, int toCode) {
		int code = Integer.parseInt(tile.key());
		return code >= fromCode && code <= toCode;
	}

	/** Spearman's rank correlation, ties given their mean rank. */
	private static double spearman(double[] a, double[] b) {
		return pearson(ranks(a), ranks(b));
	}

	private static double[] ranks(double[] values) {
		double[] ranks = new double[values.length];
		for (int i = 0; i < values.length; i++) {
			int less = 0;
			int equal = 0;
			for (double v : values) {
				if (v < values[i]) {
					less++;
				}
				else if (v == values[i]) {
					equal++;
				}
			}
			ranks[i] = less + (equal + 1) / 2.0;
		}
		return ranks;
	}

	private static double pearson(double[] a, double[] b) {
		double ma = java.util.Arrays.stream(a).average().orElseThrow();
		double mb = java.util.Arrays.stream(b).average().orElseThrow();
		double cov = 0;
		double va = 0;
		double vb = 0;
		for (int i = 0; i < a.length; i++) {
			cov += (a[i] - ma) * (b[i] - mb);
			va += (a[i] - ma) * (a[i] - ma);
			vb += (b[i] - mb) * (b[i] - mb);
		}
		return cov / Math.sqrt(va * vb);
	}

}
