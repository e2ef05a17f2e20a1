package org.policygraph.export;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.xml.stream.XMLStreamException;

import org.jspecify.annotations.Nullable;
import org.policygraph.graph.ProvinceUnits;
import org.policygraph.graph.Document;
import org.policygraph.graphql.InvalidArgumentException;
import org.policygraph.graphql.NotFoundException;
import org.policygraph.neo4j.BookmarkException;
import org.policygraph.graph.Province;
import org.policygraph.research.CoverageMatrices;
import org.policygraph.research.CoverageMatrix;
import org.policygraph.research.DocumentSelection;
import org.policygraph.traversal.Neighbourhoods;
import org.policygraph.traversal.Subgraph;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Downloads under {@code /export/}. Arguments are checked, and what the export is about
 * looked up, before the response starts, so that a bad request is a 400 and an unknown id
 * a 404 with a problem detail; the rows are then written as the database returns them.
 */
@RestController
@RequestMapping("/export")
class ExportController {

	/** {@code text/csv; charset=UTF-8}. */
	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	/** {@code application/graphml+xml}. */
	static final MediaType GRAPHML = new MediaType("application", "graphml+xml", StandardCharsets.UTF_8);

	/**
	 * Header of every graph download: {@code true} when the file holds less than the
	 * graph it is about.
	 */
	static final String TRUNCATED = "Graph-Truncated";

	/**
	 * Header of every graph download: how many relationships of the start node (or of the
	 * nodes a view opened) are not in the file; unknown beyond the start node when the
	 * limit cut deeper.
	 */
	static final String LEFT_OUT = "Graph-Left-Out";

	private final CoverageMatrices matrices;

	private final Neighbourhoods neighbourhoods;

	private final ExportQueries queries;

	ExportController(CoverageMatrices matrices, Neighbourhoods neighbourhoods, ExportQueries queries) {
		this.matrices = matrices;
		this.neighbourhoods = neighbourhoods;
		this.queries = queries;
	}

	/**
	 * The coverage matrix: two header rows (document keys, then names), then one row per
	 * unit: key, name, the units merged into it (for {@code POST_2025}), the number of
	 * documents it implements, and a cell per document. With {@code from} and/or
	 * {@code to} (ISO dates), only the reports of articles published in that period
	 * count, as {@code coverage(from, to)} counts them.
	 */
	@GetMapping("/coverage.csv")
	ResponseEntity<StreamingResponseBody> coverage(@RequestParam(required = false) @Nullable List<String> documentKeys,
			@RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable Integer fromYear,
			@RequestParam(required = false) @Nullable Integer toYear,
			@RequestParam(defaultValue = "PRE_2025") ProvinceUnits units,
			@RequestParam(defaultValue = "ARTICLE_COUNT") CoverageCell cell,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		InvalidArgumentException.requirePeriod(from, to);
		List<Document> documents = this.matrices.documents(DocumentSelection.of(documentKeys, type, fromYear, toYear));
		StreamingResponseBody body = out -> {
			try (CsvRows csv = new CsvRows(out)) {
				csv.row(header(List.of("province_key", "province", "merged_from", "implemented_count"),
						documents.stream().map(Document::key)));
				csv.row(header(List.of("", "", "", ""), documents.stream().map(Document::name)));
				this.matrices.forEachRow(documents, units, from, to, row -> {
					List<String> cells = new ArrayList<>(documents.size() + 4);
					cells.add(row.province().key());
					cells.add(row.province().name());
					cells.add(String.join("; ", row.predecessors().stream().map(Province::name).toList()));
					cells.add(Integer.toString(row.implementedCount()));
					for (CoverageMatrix.Cell c : row.cells()) {
						cells.add(cell.render(c));
					}
					csv.row(cells);
				});
			}
		};
		return download(CSV, "coverage-" + units.name().toLowerCase(java.util.Locale.ROOT) + ".csv", body);
	}

	/** The evidence behind one implementation, newest article first. */
	@GetMapping("/evidence.csv")
	ResponseEntity<StreamingResponseBody> evidence(@RequestParam String provinceKey, @RequestParam String documentKey) {
		if (!this.queries.implementationExists(provinceKey, documentKey)) {
			throw new NotFoundException(
					"No province '" + provinceKey + "' implementing a document '" + documentKey + "'");
		}
		StreamingResponseBody body = out -> {
			try (CsvRows csv = new CsvRows(out)) {
				csv.row(List.of("title", "source", "url", "publishedAt", "sentence", "relation", "fromKey", "toKey"));
				this.queries.evidence(provinceKey, documentKey,
						r -> csv.row(List.of(r.get("title").asString(""), r.get("source").asString(""),
								r.get("url").asString(""),
								r.get("publishedAt").isNull() ? "" : r.get("publishedAt").asLocalDate().toString(),
								r.get("sentence").asString(""), r.get("relation").asString(""),
								r.get("fromKey").asString(""), r.get("toKey").asString(""))));
			}
		};
		return download(CSV, "evidence-" + fileName(provinceKey) + "-" + fileName(documentKey) + ".csv", body);
	}

	/**
	 * The neighbourhood of a node as GraphML. When the file holds less than the
	 * neighbourhood (the limit cut it, or articles were left out on request) it says so
	 * in an XML comment before the root element and in the {@value #TRUNCATED} and
	 * {@value #LEFT_OUT} headers.
	 */
	@GetMapping("/neighbourhood.graphml")
	ResponseEntity<StreamingResponseBody> neighbourhoodGraphMl(@RequestParam String id,
			@RequestParam(required = false) @Nullable Integer depth,
			@RequestParam(required = false) @Nullable List<String> relationshipTypes,
			@RequestParam(defaultValue = "" + Neighbourhoods.MAX_LIMIT) int limit,
			@RequestParam(required = false) @Nullable Integer articleLimit,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		Subgraph graph = this.neighbourhoods.neighbourhood(id, depth, relationshipTypes, limit, articleLimit, from, to);
		return graphMl(graph, "neighbourhood", neighbourhoodNotes(id, graph, limit),
				"neighbourhood-" + fileName(id) + ".graphml");
	}

	/**
	 * The neighbourhood of a node as JSON, shaped like the GraphQL {@code Subgraph}; cut
	 * as the GraphML.
	 */
	@GetMapping("/neighbourhood.json")
	ResponseEntity<Subgraph> neighbourhoodJson(@RequestParam String id,
			@RequestParam(required = false) @Nullable Integer depth,
			@RequestParam(required = false) @Nullable List<String> relationshipTypes,
			@RequestParam(defaultValue = "" + Neighbourhoods.MAX_LIMIT) int limit,
			@RequestParam(required = false) @Nullable Integer articleLimit,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		Subgraph graph = this.neighbourhoods.neighbourhood(id, depth, relationshipTypes, limit, articleLimit, from, to);
		return json(graph, "neighbourhood-" + fileName(id) + ".json");
	}

	/**
	 * A view as the explorer draws it, as GraphML: the nodes named by {@code id} (keys or
	 * article ids, repeated, at most {@value Neighbourhoods#MAX_VIEW_NODES}) and the
	 * relationships of the types between them. What the nodes named by {@code expanded}
	 * (those whose neighbourhood the view opened) have beyond the view is counted: when
	 * anything is left out, the file says so in an XML comment and in the
	 * {@value #TRUNCATED} and {@value #LEFT_OUT} headers. With {@code from} and/or
	 * {@code to}, only the relationships reported in that period count, as in a
	 * neighbourhood over a period. A POST, as a view's ids do not fit in a URL.
	 */
	@PostMapping("/view.graphml")
	ResponseEntity<StreamingResponseBody> viewGraphMl(@RequestParam("id") List<String> ids,
			@RequestParam(required = false) @Nullable List<String> expanded,
			@RequestParam(required = false) @Nullable List<String> relationshipTypes,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		Subgraph graph = this.neighbourhoods.view(ids, expanded, relationshipTypes, from, to);
		return graphMl(graph, "view", viewNotes(graph), "view-" + fileName(ids.get(0)) + ".graphml");
	}

	/**
	 * A view as drawn, as JSON shaped like the GraphQL {@code Subgraph}; cut as the
	 * GraphML.
	 */
	@PostMapping("/view.json")
	ResponseEntity<Subgraph> viewJson(@RequestParam("id") List<String> ids,
			@RequestParam(required = false) @Nullable List<String> expanded,
			@RequestParam(required = false) @Nullable List<String> relationshipTypes,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		Subgraph graph = this.neighbourhoods.view(ids, expanded, relationshipTypes, from, to);
		return json(graph, "view-" + fileName(ids.get(0)) + ".json");
	}

	private static List<String> neighbourhoodNotes(String id, Subgraph graph, int limit) {
		List<String> notes = new ArrayList<>();
		if (graph.truncated()) {
			notes.add("Cut: the neighbourhood of " + id + " has more relationships than the limit of " + limit
					+ "; this file holds " + graph.nodes().size() + " nodes and " + graph.edges().size()
					+ " relationships.");
		}
		if (graph.leftOut() > 0) {
			notes.add("Not in this file: " + leftOutText(graph) + " of " + id + ".");
		}
		return notes;
	}

	private static List<String> viewNotes(Subgraph graph) {
		if (graph.leftOut() == 0) {
			return List.of();
		}
		return List.of("Cut: a view of " + graph.nodes().size() + " nodes and " + graph.edges().size()
				+ " relationships, as drawn; its opened nodes have " + leftOutText(graph) + " that it does not show.",
				"Download /export/neighbourhood.graphml?id=<key> for the whole neighbourhood of a node.");
	}

	/** What a subgraph leaves out around its start or opened nodes, by type and kind. */
	private static String leftOutText(Subgraph graph) {
		Map<String, Integer> byType = new LinkedHashMap<>();
		for (Subgraph.NeighbourCount count : graph.around()) {
			if (count.total() > count.included()) {
				byType.merge(count.type() + " " + count.kind(), count.total() - count.included(), Integer::sum);
			}
		}
		List<String> parts = new ArrayList<>();
		byType.forEach((what, n) -> parts.add(n + " " + what));
		return graph.leftOut() + " more relationships (" + String.join(", ", parts) + ")";
	}

	private static ResponseEntity<StreamingResponseBody> graphMl(Subgraph graph, String name, List<String> notes,
			String fileName) {
		StreamingResponseBody body = out -> {
			try {
				GraphMl.write(graph, name, notes, out);
			}
			catch (XMLStreamException ex) {
				throw new java.io.IOException("Could not write GraphML", ex);
			}
		};
		return cut(ResponseEntity.ok(), graph).contentType(GRAPHML)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition(fileName))
			.body(body);
	}

	private static ResponseEntity<Subgraph> json(Subgraph graph, String fileName) {
		return cut(ResponseEntity.ok(), graph).contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition(fileName))
			.body(graph);
	}

	/**
	 * The headers saying whether, and by how much, a graph download holds less than
	 * asked.
	 */
	private static ResponseEntity.BodyBuilder cut(ResponseEntity.BodyBuilder response, Subgraph graph) {
		boolean cut = graph.truncated() || graph.leftOut() > 0;
		return response.header(TRUNCATED, Boolean.toString(cut)).header(LEFT_OUT, Integer.toString(graph.leftOut()));
	}

	@ExceptionHandler(InvalidArgumentException.class)
	ProblemDetail invalidArgument(InvalidArgumentException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setProperty("argument", ex.getArgument());
		return problem;
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ProblemDetail missingParameter(MissingServletRequestParameterException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Missing parameter '" + ex.getParameterName() + "'");
		problem.setProperty("argument", ex.getParameterName());
		return problem;
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Invalid parameter '" + ex.getName() + "': '" + ex.getValue() + "'");
		problem.setProperty("argument", ex.getName());
		return problem;
	}

	@ExceptionHandler(BookmarkException.class)
	ProblemDetail bookmarks(BookmarkException ex) {
		HttpStatus status = (ex.getReason() == BookmarkException.Reason.INVALID) ? HttpStatus.BAD_REQUEST
				: HttpStatus.SERVICE_UNAVAILABLE;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setProperty("reason", ex.code());
		return problem;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	private static List<String> header(List<String> first, Stream<String> rest) {
		List<String> cells = new ArrayList<>(first);
		rest.forEach(cells::add);
		return cells;
	}

	private static <T> ResponseEntity<T> download(MediaType type, String fileName, T body) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition(fileName))
			.body(body);
	}

	private static String disposition(String fileName) {
		return ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
	}

	/**
	 * A key or id as part of a file name: letters, digits, dots and dashes; everything
	 * else a dash.
	 */
	private static String fileName(String key) {
		String name = key.replaceAll("[^\\p{L}\\p{N}.-]+", "-").replaceAll("^-+|-+$", "");
		return name.isEmpty() ? "export" : name.substring(0, Math.min(name.length(), 80));
	}

}
