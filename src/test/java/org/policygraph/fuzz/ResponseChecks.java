package org.policygraph.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every response of a fuzz run must satisfy: no 5xx status; no stack trace or Java
 * class name in the body; a 200 answer is GraphQL JSON with {@code data} or
 * {@code errors} (or, for a server-sent event stream, events carrying such JSON); no
 * {@code INTERNAL_ERROR} other than a timeout; {@code data} has only the response keys
 * the operation asked for; an {@code ingestArticles} answer has one result per input
 * article and none {@code FAILED}, and a writing call stores only URLs under the prefix
 * it was given.
 */
public final class ResponseChecks {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Fragments of stack traces and class names that must never reach a client. */
	static final List<String> LEAK_MARKERS = List.of("\tat ", "at org.", "at java.", "Caused by:", "Exception:",
			"java.lang.", "java.util.", "java.io.", "org.springframework", "org.neo4j", "org.policygraph", "org.apache",
			"graphql.execution", "graphql.schema", "tools.jackson", "com.fasterxml", "reactor.core", "jakarta.",
			"upstreamPublisher", "scanAvailable");

	private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b[A-Z][A-Za-z0-9]*Exception\\b");

	private ResponseChecks() {
	}

	/**
	 * @param request the request sent
	 * @param status the response status
	 * @param contentType the response content type, or {@code null}
	 * @param body the response body
	 * @param ingest for an ingest call, the number of input articles and the URL prefix
	 * of writes, else {@code null}
	 * @return what is wrong with the response; empty when nothing is
	 */
	public static List<String> problems(FuzzRequest request, int status, String contentType, byte[] body,
			IngestExpectation ingest) {
		List<String> problems = new ArrayList<>();
		String text = new String(body, StandardCharsets.UTF_8);
		String sent = (request.bodyText() != null) ? request.bodyText() : "";
		if (status >= 500) {
			problems.add("status " + status);
		}
		for (String marker : LEAK_MARKERS) {
			if (text.contains(marker) && !sent.contains(marker)) {
				problems.add("body contains '" + marker.replace("\t", "\\t") + "'");
			}
		}
		Matcher exception = EXCEPTION_NAME.matcher(text);
		while (exception.find()) {
			if (!sent.contains(exception.group())) {
				problems.add("body names " + exception.group());
				break;
			}
		}
		if (status == 200) {
			if (contentType != null && contentType.startsWith("text/event-stream")) {
				checkEventStream(text, request, problems, ingest);
			}
			else {
				checkGraphQlJson(text, request, problems, ingest);
			}
		}
		return problems;
	}

	private static void checkEventStream(String text, FuzzRequest request, List<String> problems,
			IngestExpectation ingest) {
		boolean any = false;
		for (String line : text.split("\n")) {
			if (line.startsWith("data:")) {
				String data = line.substring(5).strip();
				if (!data.isEmpty()) {
					any = true;
					checkGraphQlJson(data, request, problems, ingest);
				}
			}
		}
		if (!any) {
			problems.add("event stream without data");
		}
	}

	private static void checkGraphQlJson(String text, FuzzRequest request, List<String> problems,
			IngestExpectation ingest) {
		JsonNode json;
		try {
			json = JSON.readTree(text);
		}
		catch (RuntimeException ex) {
			problems.add("200 but not JSON: " + ex.getMessage().lines().findFirst().orElse(""));
			return;
		}
		if (json == null || !json.isObject()) {
			problems.add("200 but not a JSON object");
			return;
		}
		if (!json.has("data") && !json.has("errors")) {
			problems.add("200 but neither data nor errors");
		}
		JsonNode errors = json.get("errors");
		if (errors != null) {
			if (!errors.isArray() || errors.isEmpty()) {
				problems.add("errors is not a non-empty list");
			}
			else {
				for (JsonNode error : errors) {
					if (!error.path("message").isString() || error.path("message").asString().isBlank()) {
						problems.add("an error without a message: " + error);
					}
					JsonNode extensions = error.path("extensions");
					if ("INTERNAL_ERROR".equals(extensions.path("classification").asString(""))
							&& !"TIMEOUT".equals(extensions.path("reason").asString(""))) {
						problems.add("INTERNAL_ERROR: " + error);
					}
				}
			}
		}
		JsonNode data = json.get("data");
		if (data != null && !data.isNull()) {
			if (!data.isObject()) {
				problems.add("data is not an object");
				return;
			}
			if (request.rootKeys() != null) {
				for (Iterator<String> keys = data.propertyNames().iterator(); keys.hasNext();) {
					String key = keys.next();
					if (!request.rootKeys().contains(key)) {
						problems
							.add("data has key '" + key + "', not asked for (asked for " + request.rootKeys() + ")");
					}
				}
			}
			if (ingest != null && data.has("ingestArticles") && !data.get("ingestArticles").isNull()) {
				checkIngest(data.get("ingestArticles"), ingest, problems);
			}
		}
	}

	private static void checkIngest(JsonNode payload, IngestExpectation ingest, List<String> problems) {
		JsonNode results = payload.path("results");
		if (results.size() != ingest.articles()) {
			problems.add(results.size() + " ingest results for " + ingest.articles() + " articles");
		}
		int index = 0;
		for (JsonNode result : results) {
			String status = result.path("status").asString("");
			if (result.path("index").asInt(-1) != index) {
				problems.add("ingest result " + index + " has index " + result.path("index"));
			}
			if (status.equals("FAILED")) {
				problems.add("ingest result " + index + " FAILED: " + result.path("reason").asString(""));
			}
			if (status.equals("REJECTED") && result.path("reason").asString("").isBlank()) {
				problems.add("ingest result " + index + " REJECTED without a reason");
			}
			if (ingest.writes() && (status.equals("NEW") || status.equals("CHANGED"))
					&& !result.path("articleId").asString("").startsWith(ingest.prefix())) {
				problems.add("ingest result " + index + " wrote " + result.path("articleId") + " outside "
						+ ingest.prefix());
			}
			index++;
		}
		if (payload.path("failedCount").asInt(0) != 0) {
			problems.add("failedCount " + payload.path("failedCount"));
		}
	}

	/**
	 * What an ingest call's answer must match.
	 *
	 * @param articles the number of input articles
	 * @param writes whether the call may write
	 * @param prefix the URL prefix every written article must have
	 */
	public record IngestExpectation(int articles, boolean writes, String prefix) {

		/**
		 * @param call a generated call
		 * @param prefix the URL prefix of writes
		 * @return the expectation for the call
		 */
		public static IngestExpectation of(IngestPayloads.Call call, String prefix) {
			return new IngestExpectation(call.articles(), call.writes(), prefix);
		}

	}

}
