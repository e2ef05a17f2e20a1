package org.policygraph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invariants of {@code docker-compose.yml} that no engine is needed to check: the
 * default deployment stays a single server without profiles; the {@code cluster} profile
 * has three Enterprise servers that accept the licence, find each other and advertise
 * themselves, and application instances that reach them with a routing URI behind a load
 * balancer whose configuration exists. ({@code scripts/validate-compose.sh} checks that
 * Compose resolves the file.)
 */
class DockerComposeTests {

	private static Map<String, Map<String, Object>> services;

	private static Map<String, Object> volumes;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void load() throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
		services = (Map<String, Map<String, Object>>) compose.get("services");
		volumes = (Map<String, Object>) compose.get("volumes");
	}

	private static List<String> profiles(Map<String, Object> service) {
		@SuppressWarnings("unchecked")
		List<String> profiles = (List<String>) service.getOrDefault("profiles", List.of());
		return profiles;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> environment(Map<String, Object> service) {
		return (Map<String, Object>) service.get("environment");
	}

	private static String env(Map<String, Object> service, String name) {
		return String.valueOf(environment(service).get(name));
	}

	private static Map<String, Map<String, Object>> cluster() {
		return services.entrySet()
			.stream()
			.filter(e -> profiles(e.getValue()).contains("cluster"))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private static Set<String> clusterServers() {
		return cluster().entrySet()
			.stream()
			.filter(e -> String.valueOf(e.getValue().get("image")).startsWith("neo4j:"))
			.map(Map.Entry::getKey)
			.collect(Collectors.toSet());
	}

	@Test
	void shouldKeepTheDefaultDeploymentASingleServerWithoutProfiles() {
		Map<String, Object> neo4j = services.get("neo4j");
		Map<String, Object> app = services.get("app");

		assertThat(profiles(neo4j)).isEmpty();
		assertThat(profiles(app)).isEmpty();
		assertThat(neo4j.get("image")).isEqualTo("neo4j:5.26-community");
		assertThat(env(app, "NEO4J_URI")).isEqualTo("bolt://neo4j:7687");
	}

	@Test
	void shouldRunThreeEnterpriseServersThatAcceptTheLicenceAndFindEachOther() {
		Set<String> servers = clusterServers();

		assertThat(servers).hasSize(3);
		for (String name : servers) {
			Map<String, Object> server = services.get(name);
			assertThat(server.get("image")).as(name).isEqualTo("neo4j:5.26-enterprise");
			assertThat(env(server, "NEO4J_ACCEPT_LICENSE_AGREEMENT")).as(name).isEqualTo("yes");
			assertThat(env(server, "NEO4J_dbms_cluster_discovery_version")).as(name).isEqualTo("V2_ONLY");
			Set<String> endpoints = Arrays.stream(env(server, "NEO4J_dbms_cluster_discovery_v2_endpoints").split(","))
				.map(String::strip)
				.collect(Collectors.toSet());
			assertThat(endpoints).as(name)
				.isEqualTo(servers.stream().map(s -> s + ":6000").collect(Collectors.toSet()));
			assertThat(env(server, "NEO4J_server_default__advertised__address")).as(name).isEqualTo(name);
			assertThat(server.get("hostname")).as(name).isEqualTo(name);
			assertThat(env(server, "NEO4J_initial_dbms_default__primaries__count")).as(name).isEqualTo("3");
			assertThat(env(server, "NEO4J_dbms_cluster_minimum__initial__system__primaries__count")).as(name)
				.isEqualTo("3");
			assertThat(env(server, "NEO4J_db_transaction_bookmark__ready__timeout")).as(name).isNotBlank();
		}
	}

	@Test
	void shouldConnectEveryClusterInstanceWithARoutingUriAfterAllServersAreHealthy() {
		Set<String> servers = clusterServers();
		List<Map.Entry<String, Map<String, Object>>> apps = cluster().entrySet()
			.stream()
			.filter(e -> e.getValue().containsKey("environment") && environment(e.getValue()).containsKey("NEO4J_URI"))
			.toList();

		assertThat(apps).isNotEmpty();
		for (Map.Entry<String, Map<String, Object>> app : apps) {
			String uri = env(app.getValue(), "NEO4J_URI");
			assertThat(uri).as(app.getKey()).startsWith("neo4j://");
			assertThat(servers).as(app.getKey()).anySatisfy(s -> assertThat(uri).isEqualTo("neo4j://" + s + ":7687"));
			@SuppressWarnings("unchecked")
			Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) app.getValue()
				.get("depends_on");
			assertThat(dependsOn.keySet()).as(app.getKey()).containsAll(servers);
			assertThat(app.getValue()).as(app.getKey()).doesNotContainKey("ports");
		}
	}

	@Test
	void shouldPutALoadBalancerWithItsConfigurationInFrontOfTheInstances() throws IOException {
		Map<String, Object> lb = services.get("cluster-lb");

		assertThat(profiles(lb)).containsExactly("cluster");
		assertThat(lb.get("depends_on").toString()).contains("app-cluster");
		@SuppressWarnings("unchecked")
		String mount = ((List<String>) lb.get("volumes")).get(0);
		Path config = Path.of(mount.substring(0, mount.indexOf(':')));
		assertThat(config).exists();
		String nginx = Files.readString(config);
		assertThat(nginx).contains("http://app-cluster:8080").contains("Upgrade $http_upgrade");
	}

	@Test
	void shouldDeclareEveryNamedVolume() {
		for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
			@SuppressWarnings("unchecked")
			List<String> mounts = (List<String>) service.getValue().getOrDefault("volumes", List.of());
			for (String mount : mounts) {
				String source = mount.substring(0, mount.indexOf(':'));
				if (!source.startsWith(".") && !source.startsWith("/")) {
					assertThat(volumes).as(service.getKey()).containsKey(source);
				}
			}
		}
	}

}
