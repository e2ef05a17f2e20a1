package org.policygraph.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;
import org.policygraph.PolicyGraphApplication;
import org.policygraph.neo4j.EmbeddedNeo4j;
import org.policygraph.neo4j.EmbeddedNeo4jPassword;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Attacks on the application running on its embedded database, as another process on the
 * host or a web page in a browser there would make them: the Bolt port on loopback,
 * {@code LOAD CSV} on local files, Bolt over WebSocket from a foreign origin, the public
 * health endpoint, a malformed bookmark header. Each is refused, or tells nothing about
 * the service's internals.
 */
class EmbeddedDatabaseAttackIT {

	private static final String EDITOR_PASSWORD = "attack-it-editor";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * A fully qualified Java class name, such as
	 * {@code org.neo4j.packstream.error.SomeException}.
	 */
	private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*");

	@TempDir
	static Path dataDirectory;

	@TempDir
	static Path elsewhere;

	private static ConfigurableApplicationContext app;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start() {
		app = startApplication();
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
	}

	private static ConfigurableApplicationContext startApplication() {
		return new SpringApplicationBuilder(PolicyGraphApplication.class).run("--server.port=0",
				"--policygraph.neo4j.embedded.data-directory=" + dataDirectory,
				"--policygraph.neo4j.embedded.bolt-port=0", "--policygraph.neo4j.embedded.page-cache=32MB",
				"--policygraph.sample.enabled=false", "--policygraph.security.editor.password=" + EDITOR_PASSWORD,
				"--spring.main.banner-mode=off");
	}

	private static URI bolt() {
		return app.getBean(EmbeddedNeo4j.class).boltUri();
	}

	private static Driver driverWithThePassword() {
		return GraphDatabase.driver(bolt(),
				AuthTokens.basic(EmbeddedNeo4jPassword.USER, EmbeddedNeo4jPassword.read(dataDirectory)));
	}

	private static long intruders() {
		try (var session = app.getBean(Driver.class).session()) {
			return session.run("MATCH (n:Intruder) RETURN count(n)").single().get(0).asLong();
		}
	}

	@Test
	void shouldRefuseABoltWriteWithoutThePassword() {
		try (Driver anonymous = GraphDatabase.driver(bolt(), AuthTokens.none());
				Driver guessing = GraphDatabase.driver(bolt(), AuthTokens.basic("neo4j", "neo4j"))) {
			for (Driver driver : List.of(anonymous, guessing)) {
				assertThatThrownBy(() -> {
					try (var session = driver.session()) {
						session.run("CREATE (:Intruder)").consume();
					}
				}).isInstanceOf(AuthenticationException.class);
			}
		}
		assertThat(intruders()).isZero();
	}

	@Test
	void shouldNotLoadLocalFilesWithLoadCsvEvenWithThePassword() throws IOException {
		Path secret = Files.writeString(elsewhere.resolve("secret.csv"), "s3cr3t-outside-the-import-directory\n");
		Path inImportDirectory = Files.writeString(dataDirectory.resolve("import").resolve("inside.csv"), "inside\n");
		try (Driver driver = driverWithThePassword(); var session = driver.session()) {
			assertThat(session.run("RETURN 1").single().get(0).asInt()).as("the password logs in").isEqualTo(1);
			for (String url : List.of("file:///etc/hostname", secret.toUri().toString(),
					inImportDirectory.toUri().toString(), "file:///proc/self/cmdline")) {
				assertThatThrownBy(() -> session.run("LOAD CSV FROM $url AS row RETURN row", Map.of("url", url)).list())
					.as(url)
					.isInstanceOf(ClientException.class)
					.hasMessageNotContaining("s3cr3t")
					.hasMessageNotContaining(EDITOR_PASSWORD);
			}
		}
	}

	@Test
	void shouldRefuseBoltOverWebSocketFromAForeignOrigin() throws IOException {
		String response = webSocketHandshake(bolt(), "https://evil.example");

		assertThat(response).doesNotStartWith("HTTP/1.1 101").startsWith("HTTP/1.1 403");
		// Bolt over TCP, the application's own way in, still works.
		try (var session = app.getBean(Driver.class).session()) {
			assertThat(session.run("RETURN 1").single().get(0).asInt()).isEqualTo(1);
		}
	}

	@Test
	void shouldKeepThePasswordInAnOwnerOnlyFileAcrossRestarts() throws IOException {
		Path file = dataDirectory.resolve(EmbeddedNeo4jPassword.FILE_NAME);
		assertThat(file).isRegularFile();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		String before = EmbeddedNeo4jPassword.read(dataDirectory);
		assertThat(before).hasSizeGreaterThanOrEqualTo(24);

		app.close();
		app = startApplication();

		assertThat(EmbeddedNeo4jPassword.read(dataDirectory)).isEqualTo(before);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		try (Driver driver = driverWithThePassword(); var session = driver.session()) {
			assertThat(session.run("RETURN 1").single().get(0).asInt()).isEqualTo(1);
		}

		// The file is the truth: a password written there is the database's from the next
		// start.
		app.close();
		Files.writeString(file, "a-password-of-the-operator's-choice\n");
		app = startApplication();

		try (Driver driver = driverWithThePassword(); var session = driver.session()) {
			assertThat(session.run("RETURN 1").single().get(0).asInt()).isEqualTo(1);
		}
		try (Driver old = GraphDatabase.driver(bolt(), AuthTokens.basic(EmbeddedNeo4jPassword.USER, before))) {
			assertThatThrownBy(old::verifyConnectivity).isInstanceOf(AuthenticationException.class);
		}
	}

	@Test
	void shouldShowAnonymousCallersOfHealthTheStatusOnly() throws Exception {
		HttpResponse<String> anonymous = get("/actuator/health", null);
		HttpResponse<String> editor = get("/actuator/health", "editor:" + EDITOR_PASSWORD);

		assertThat(anonymous.statusCode()).isEqualTo(200);
		JsonNode body = JSON.readTree(anonymous.body());
		assertThat(body.path("status").asString()).isEqualTo("UP");
		assertThat(body.has("components")).isFalse();
		assertThat(anonymous.body()).doesNotContain(dataDirectory.getFileName().toString())
			.doesNotContain("bolt")
			.doesNotContain("127.0.0.1")
			.doesNotContainIgnoringCase("community")
			.doesNotContainIgnoringCase("enterprise");
		// The editor, who runs the service, sees the details.
		assertThat(JSON.readTree(editor.body()).at("/components/neo4j/details/edition").asString()).isNotEmpty();
	}

	@Test
	void shouldAnswerAMalformedBookmarkHeaderWithoutInternalClassNames() throws Exception {
		for (String bookmark : List.of("not-a-bookmark", "FB:kcwQ", "FB:" + Base64.getEncoder()
			.encodeToString("\u0093\u00ff\u0001\u0002".getBytes(StandardCharsets.ISO_8859_1)))) {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(graphQlUri())
				.header("Content-Type", "application/json")
				.header("Neo4j-Bookmarks", bookmark)
				.timeout(Duration.ofSeconds(60))
				.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ about { name } }\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());

			JsonNode error = JSON.readTree(response.body()).path("errors").path(0);
			assertThat(error.path("message").asString()).as(bookmark).contains("Neo4j-Bookmarks header");
			assertThat(error.at("/extensions/reason").asString()).isEqualTo("INVALID_BOOKMARK");
			assertThat(response.body()).as(bookmark).doesNotContainPattern(CLASS_NAME);
		}
	}

	private URI graphQlUri() {
		return URI.create("http://127.0.0.1:" + httpPort() + "/graphql");
	}

	private HttpResponse<String> get(String path, String credentials) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort() + path))
			.timeout(Duration.ofSeconds(60));
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int httpPort() {
		return app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	/**
	 * A browser's WebSocket opening handshake (RFC 6455) as a page from {@code origin}
	 * would send it to the Bolt port.
	 * @return the response's head, or what was read before the connection closed
	 */
	private static String webSocketHandshake(URI bolt, String origin) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(bolt.getHost(), bolt.getPort()), 5_000);
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET / HTTP/1.1\r\n" + "Host: " + bolt.getHost() + ":" + bolt.getPort() + "\r\n"
					+ "Upgrade: websocket\r\n" + "Connection: Upgrade\r\n"
					+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n" + "Sec-WebSocket-Version: 13\r\n" + "Origin: "
					+ origin + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder head = new StringBuilder();
			int b;
			while (!head.toString().endsWith("\r\n\r\n") && (b = in.read()) != -1) {
				head.append((char) b);
			}
			return head.toString();
		}
	}

}
