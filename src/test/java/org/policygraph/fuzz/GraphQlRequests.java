package org.policygraph.fuzz;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.json.JsonMapper;

/**
 * Random requests to {@code /graphql}: valid operations generated from the schema,
 * documents made invalid, documents beyond the limits, and requests broken at the HTTP
 * level (bodies that are not JSON or not UTF-8, JSON of the wrong shape, wrong content
 * types, other methods, odd {@code Accept} and {@code Authorization} headers).
 */
public final class GraphQlRequests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final GraphQlDocumentGenerator generator;

	private final String editorAuthorization;

	/**
	 * @param generator the document generator
	 * @param editorPassword the editor's password, for mutations that need it
	 */
	public GraphQlRequests(GraphQlDocumentGenerator generator, String editorPassword) {
		this.generator = generator;
		this.editorAuthorization = basic("editor", editorPassword);
	}

	/**
	 * @param user the user name
	 * @param password the password
	 * @return an HTTP Basic {@code Authorization} header value
	 */
	public static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @return the editor's {@code Authorization} header value
	 */
	public String editorAuthorization() {
		return this.editorAuthorization;
	}

	/**
	 * @param r the generator
	 * @return one random request of any kind but ingest payloads
	 */
	public FuzzRequest next(Random r) {
		int dice = r.nextInt(100);
		if (dice < 35) {
			return valid(r, this.generator.query(r), "valid-query");
		}
		if (dice < 38) {
			String field = FuzzStrings.pick(r, this.generator.queryFields());
			return valid(r, this.generator.wide(r, field), "wide-query");
		}
		if (dice < 44) {
			return valid(r, this.generator.subscription(r), "subscription-over-http");
		}
		if (dice < 49) {
			GraphQlDocumentGenerator.Operation check = this.generator.mutation(r, "checkWriteAccess", Map.of());
			return valid(r, check, "mutation");
		}
		if (dice < 72) {
			GraphQlDocumentGenerator.Operation op = (r.nextInt(5) == 0) ? this.generator.subscription(r)
					: this.generator.query(r);
			DocumentMutations.Mutated mutated = DocumentMutations.mutate(r, op.document(), op.variables());
			return FuzzRequest.post("mutated-document (" + mutated.description() + ")", jsonHeaders(r),
					body(mutated.document(), mutated.variables(), r.nextInt(4) == 0 ? op.operationName() : null));
		}
		if (dice < 78) {
			DocumentMutations.Mutated oversized = DocumentMutations.oversized(r);
			return FuzzRequest.post("oversized-document (" + oversized.description() + ")", jsonHeaders(r),
					body(oversized.document(), oversized.variables(), null));
		}
		return transport(r);
	}

	/**
	 * @param r the generator
	 * @param op a valid operation
	 * @param kind the kind to report
	 * @return a well-formed POST of the operation, with editor credentials for a mutation
	 */
	public FuzzRequest valid(Random r, GraphQlDocumentGenerator.Operation op, String kind) {
		Map<String, String> headers = jsonHeaders(r);
		if (op.operation().equals("mutation")) {
			headers.put("Authorization", this.editorAuthorization);
		}
		return FuzzRequest.post(kind, headers, body(op.document(), op.variables(), op.operationName()))
			.expectingRootKeys(op.rootKeys());
	}

	/**
	 * @param document the document
	 * @param variables the variables, possibly empty
	 * @param operationName the operation name, or {@code null}
	 * @return a GraphQL-over-HTTP JSON body
	 */
	public static byte[] body(String document, Map<String, Object> variables, String operationName) {
		StringBuilder s = new StringBuilder("{\"query\":").append(JSON.writeValueAsString(document));
		if (!variables.isEmpty()) {
			s.append(",\"variables\":{");
			boolean first = true;
			for (Map.Entry<String, Object> variable : variables.entrySet()) {
				s.append(first ? "" : ",").append(JSON.writeValueAsString(variable.getKey())).append(':');
				s.append(variable.getValue() instanceof DocumentMutations.RawJson raw ? raw.json()
						: JSON.writeValueAsString(variable.getValue()));
				first = false;
			}
			s.append('}');
		}
		if (operationName != null) {
			s.append(",\"operationName\":").append(JSON.writeValueAsString(operationName));
		}
		return s.append('}').toString().getBytes(StandardCharsets.UTF_8);
	}

	private static Map<String, String> jsonHeaders(Random r) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", FuzzStrings.pick(r, List.of("application/json", "application/json",
				"application/json;charset=UTF-8", "application/json; charset=utf-8")));
		String accept = FuzzStrings.pick(r, List.of("", "application/json", "application/graphql-response+json",
				"application/graphql-response+json, application/json;q=0.9", "*/*"));
		if (!accept.isEmpty()) {
			headers.put("Accept", accept);
		}
		return headers;
	}

	/**
	 * @param r the generator
	 * @return a request broken at the HTTP level
	 */
	public FuzzRequest transport(Random r) {
		String document = this.generator.query(r).document();
		byte[] good = body(document, Map.of(), null);
		Map<String, String> json = new LinkedHashMap<>();
		json.put("Content-Type", "application/json");
		switch (r.nextInt(16)) {
			case 0 -> {
				int cut = r.nextInt(good.length);
				return FuzzRequest.post("truncated-json", json, java.util.Arrays.copyOf(good, cut));
			}
			case 1 -> {
				String body = FuzzStrings.pick(r, List.of("[]", "[1,2]", "\"text\"", "42", "null", "true", "{}",
						"{\"query\":5}", "{\"query\":null}", "{\"query\":[\"{about{name}}\"]}", "{\"query\":{}}",
						"{\"query\":\"{about{name}}\",\"variables\":\"x\"}",
						"{\"query\":\"{about{name}}\",\"variables\":[]}",
						"{\"query\":\"{about{name}}\",\"operationName\":5}",
						"{\"query\":\"{about{name}}\",\"extensions\":\"x\"}",
						"{\"query\":\"{about{name}}\",\"query\":\"{__typename}\"}",
						"{\"query\":\"{about{name}}\" /* comment */}", "{'query':'{about{name}}'}",
						"{\"query\":\"{about{name}}\",}", "{\"query\":\"{about{name}}\"}garbage",
						"{\"query\":\"{about{name}}\",\"variables\":{\"a\":NaN}}",
						"{\"query\":\"{about{name}}\",\"variables\":{\"a\":1e999999}}",
						"{\"query\":\"{about{name}}\",\"variables\":{\"a\":\"\\ud800\"}}",
						"{\"query\":\"query($a:String){search(text:$a){kind}}\",\"variables\":{\"a\":\"\\udfff\\ud800\"}}",
						"{\"query\":\"\\u0000\"}", "\uFEFF{\"query\":\"{about{name}}\"}", " \n\t ", ""));
				return FuzzRequest.post("odd-json", json, body.getBytes(StandardCharsets.UTF_8));
			}
			case 2 -> {
				int depth = 1_000 + r.nextInt(100_000);
				String body = "{\"query\":\"{about{name}}\",\"variables\":{\"a\":" + "[".repeat(depth)
						+ "]".repeat(depth) + "}}";
				return FuzzRequest.post("deep-json (" + depth + ")", json, body.getBytes(StandardCharsets.UTF_8));
			}
			case 3 -> {
				byte[] garbage = new byte[1 + r.nextInt(r.nextBoolean() ? 100 : 200_000)];
				r.nextBytes(garbage);
				return FuzzRequest.post("binary-garbage", json, garbage);
			}
			case 4 -> {
				// bytes that are not UTF-8, inside the query string of an otherwise good
				// body
				String text = new String(good, StandardCharsets.UTF_8);
				int start = text.indexOf("\"query\":\"") + "\"query\":\"".length();
				int at = start + r.nextInt(Math.max(1, text.length() - start - 2));
				byte[][] bad = { { (byte) 0xFF }, { (byte) 0xC0, (byte) 0xAF },
						{ (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
						{ (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 },
						{ (byte) 0xE1, (byte) 0xBA }, { (byte) 0x80 },
						{ (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 } };
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
				out.writeBytes(bad[r.nextInt(bad.length)]);
				out.writeBytes(text.substring(at).getBytes(StandardCharsets.UTF_8));
				return FuzzRequest.post("invalid-utf8", json, out.toByteArray());
			}
			case 5 -> {
				String type = FuzzStrings.pick(r,
						List.of("text/plain", "application/xml", "text/html", "application/x-www-form-urlencoded",
								"multipart/form-data; boundary=x", "application/octet-stream", "application/graphql",
								"application/json; charset=ISO-8859-1", "application/json; charset=UTF-16",
								"application/json; charset=nope", "application/graphql-response+json", "*/*", "json",
								";;;", "application/json; boundary=\"", "image/png"));
				Map<String, String> headers = new LinkedHashMap<>();
				headers.put("Content-Type", type);
				byte[] body = type.startsWith("application/graphql") && !type.contains("response")
						? document.getBytes(StandardCharsets.UTF_8) : good;
				return FuzzRequest.post("content-type " + type, headers, body);
			}
			case 6 -> {
				return FuzzRequest.post("no-content-type", new LinkedHashMap<>(), good);
			}
			case 7 -> {
				String query = "query=" + URLEncoder.encode(document, StandardCharsets.UTF_8);
				if (r.nextBoolean()) {
					query += "&variables=" + URLEncoder.encode(FuzzStrings.pick(r, List.of("{}", "{\"a\":1}", "x", "")),
							StandardCharsets.UTF_8);
				}
				return new FuzzRequest("get", "GET", r.nextInt(4) == 0 ? "query=&query=%7B&variables=%7B" : query,
						new LinkedHashMap<>(), new byte[0], null, false);
			}
			case 8 -> {
				String method = FuzzStrings.pick(r,
						List.of("PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "GET"));
				return new FuzzRequest("method " + method, method, null, json,
						method.equals("GET") || method.equals("HEAD") || method.equals("TRACE") ? new byte[0] : good,
						null, false);
			}
			case 9 -> {
				Map<String, String> headers = new LinkedHashMap<>(json);
				headers.put("Accept", FuzzStrings.pick(r, List.of("application/xml", "text/html", "image/png",
						"application/json;q=0", "nope", "text/csv", "application/graphql-response+json;q=abc")));
				return FuzzRequest.post("accept " + headers.get("Accept"), headers, good);
			}
			case 10 -> {
				Map<String, String> headers = new LinkedHashMap<>(json);
				headers.put("Authorization", FuzzStrings.pick(r, List.of("Basic", "Basic ", "Basic %%%", "Basic ====",
						basic("editor", "wrong"), basic("", ""), basic("editor", ""), basic("reader", "x"),
						"Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)),
						"Bearer abc.def.ghi", "Digest username=\"editor\"",
						"basic " + basic("editor", "x").substring(6),
						"Basic " + Base64.getEncoder().encodeToString(new byte[] { (byte) 0xFF, ':', (byte) 0xFE }))));
				byte[] body = r.nextBoolean() ? good : body("mutation { checkWriteAccess }", Map.of(), null);
				return FuzzRequest.post(
						"authorization " + headers.get("Authorization").replaceAll("(?<=Basic ).{6,}", "…"), headers,
						body);
			}
			case 11 -> {
				int n = 1 + r.nextInt(50);
				StringBuilder batch = new StringBuilder("[");
				for (int i = 0; i < n; i++) {
					batch.append(i > 0 ? "," : "").append(new String(good, StandardCharsets.UTF_8));
				}
				return FuzzRequest.post("batched-array (" + n + ")", json,
						batch.append(']').toString().getBytes(StandardCharsets.UTF_8));
			}
			case 12 -> {
				byte[] utf16 = new String(good, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16);
				return FuzzRequest.post("utf-16-body", json, utf16);
			}
			case 13 -> {
				int n = 500_000 + r.nextInt(2_000_000);
				String padding = " ".repeat(n);
				return FuzzRequest.post("padded-json (" + n + ")", json,
						("{" + padding + "\"query\":\"{about{name}}\"" + padding + "}")
							.getBytes(StandardCharsets.UTF_8));
			}
			case 14 -> {
				Map<String, Object> variables = new LinkedHashMap<>();
				int n = 1_000 + r.nextInt(20_000);
				for (int i = 0; i < n; i++) {
					variables.put("v" + i, i);
				}
				return FuzzRequest.post("many-variables (" + n + ")", json,
						body("{ about { name } }", variables, null));
			}
			default -> {
				Map<String, String> headers = new LinkedHashMap<>(json);
				headers.put("Accept", "text/event-stream");
				return FuzzRequest.post("sse-query", headers, good);
			}
		}
	}

}
