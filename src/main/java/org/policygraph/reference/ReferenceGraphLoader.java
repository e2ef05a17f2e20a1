package org.policygraph.reference;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Query;
import org.neo4j.driver.SessionConfig;
import org.policygraph.neo4j.GraphInitializationStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Loads the reference data into the graph at start-up, idempotently (every write is a
 * {@code MERGE}): all provincial units with their aliases and the 2025 merger, each
 * unit's party committee, and the central party bodies with their hierarchy. Reference
 * nodes and relationships carry {@code reference: true} and are never removed by
 * ingestion.
 * <p>
 * The data's fingerprint (of the rows and the statements that write them) is kept in a
 * {@code (:__ReferenceData)} node: a start whose fingerprint is already there and whose
 * reference nodes are all present writes nothing (a restart reads one row instead of
 * merging every unit and body again).
 */
@Component
class ReferenceGraphLoader implements GraphInitializationStep {

	private static final Logger log = LoggerFactory.getLogger(ReferenceGraphLoader.class);

	private static final String PROVINCES = """
			UNWIND $rows AS row
			MERGE (p:Province:Entity {key: row.key})
			SET p.name = row.name, p.gsoCode = row.gsoCode, p.type = row.type, p.era = row.era,
			    p.aliases = row.aliases, p.aliasText = row.aliasText, p.mergedIntoKey = row.mergedIntoKey,
			    p.reference = true""";

	private static final String MERGERS = """
			UNWIND $rows AS row
			MATCH (old:Province {key: row.key})
			MATCH (new:Province {key: row.mergedIntoKey})
			MERGE (old)-[r:MERGED_INTO]->(new)
			SET r.since = $since, r.reference = true""";

	private static final String BODIES = """
			UNWIND $rows AS row
			MERGE (b:PartyBody:Entity {key: row.key})
			SET b.name = row.name, b.level = row.level, b.provinceKey = row.provinceKey,
			    b.aliasText = row.aliasText, b.reference = true""";

	private static final String BODY_PARENTS = """
			UNWIND $rows AS row
			MATCH (b:PartyBody {key: row.key})
			MATCH (parent:PartyBody {key: row.parentKey})
			MERGE (b)-[r:PART_OF]->(parent)
			SET r.reference = true""";

	private static final String BODY_PROVINCES = """
			UNWIND $rows AS row
			MATCH (b:PartyBody {key: row.key})
			MATCH (p:Province {key: row.provinceKey})
			MERGE (b)-[r:OF_PROVINCE]->(p)
			SET r.reference = true""";

	private static final String CURRENT = """
			OPTIONAL MATCH (d:__ReferenceData {fingerprint: $fingerprint})
			RETURN d IS NOT NULL
			       AND COUNT { (p:Province) WHERE p.reference } = $provinces
			       AND COUNT { (b:PartyBody) WHERE b.reference } = $bodies AS current""";

	private static final String RECORD = """
			OPTIONAL MATCH (old:__ReferenceData)
			DELETE old
			WITH count(*) AS deleted
			CREATE (:__ReferenceData {fingerprint: $fingerprint})""";

	private final ProvinceGazetteer gazetteer;

	private final PartyBodyCatalog catalog;

	ReferenceGraphLoader(ProvinceGazetteer gazetteer, PartyBodyCatalog catalog) {
		this.gazetteer = gazetteer;
		this.catalog = catalog;
	}

	@Override
	public int getOrder() {
		return 0;
	}

	@Override
	public void run(Driver driver, String database) {
		List<Map<String, Object>> provinces = new ArrayList<>();
		List<Map<String, Object>> mergers = new ArrayList<>();
		List<Map<String, Object>> bodies = new ArrayList<>();
		List<Map<String, Object>> parents = new ArrayList<>();
		List<Map<String, Object>> bodyProvinces = new ArrayList<>();
		for (ProvinceUnit unit : this.gazetteer.all()) {
			Map<String, Object> row = new HashMap<>();
			row.put("key", unit.key());
			row.put("name", unit.name());
			row.put("gsoCode", unit.gsoCode());
			row.put("type", unit.type());
			row.put("era", unit.era().name());
			row.put("aliases", unit.aliases());
			row.put("aliasText", String.join(" | ", unit.aliases()));
			row.put("mergedIntoKey", unit.mergedIntoKey());
			provinces.add(row);
			if (unit.mergedIntoKey() != null) {
				mergers.add(row);
			}
			String committee = unit.isCity() ? "Thành ủy" : "Tỉnh ủy";
			Map<String, Object> body = new HashMap<>();
			body.put("key", PartyBodyCatalog.localKey(unit.key(), committee));
			body.put("name", committee + " " + unit.name());
			body.put("level", "PROVINCIAL");
			body.put("provinceKey", unit.key());
			body.put("aliasText", null);
			bodies.add(body);
			bodyProvinces.add(body);
		}
		for (CentralBody central : this.catalog.central()) {
			Map<String, Object> body = new HashMap<>();
			body.put("key", central.key());
			body.put("name", central.name());
			body.put("level", "CENTRAL");
			body.put("provinceKey", null);
			body.put("aliasText", String.join(" | ", central.aliases()));
			bodies.add(body);
			this.catalog.parentKey(central.key())
				.ifPresent(parent -> parents.add(Map.of("key", central.key(), "parentKey", parent)));
		}
		String fingerprint = fingerprint(provinces, mergers, bodies, parents, bodyProvinces);
		SessionConfig config = database.isBlank() ? SessionConfig.defaultConfig() : SessionConfig.forDatabase(database);
		try (var session = driver.session(config)) {
			boolean current = session.executeRead(tx -> tx
				.run(new Query(CURRENT,
						Map.of("fingerprint", fingerprint, "provinces", provinces.size(), "bodies", bodies.size())))
				.single()
				.get("current")
				.asBoolean());
			if (current) {
				log.info("Reference data is current: {} provincial units, {} party bodies", provinces.size(),
						bodies.size());
				return;
			}
			var counters = session.executeWrite(tx -> {
				int created = 0;
				created += tx.run(new Query(PROVINCES, Map.of("rows", provinces))).consume().counters().nodesCreated();
				tx.run(new Query(MERGERS, Map.of("rows", mergers, "since", ProvinceGazetteer.MERGER_DATE))).consume();
				created += tx.run(new Query(BODIES, Map.of("rows", bodies))).consume().counters().nodesCreated();
				tx.run(new Query(BODY_PARENTS, Map.of("rows", parents))).consume();
				tx.run(new Query(BODY_PROVINCES, Map.of("rows", bodyProvinces))).consume();
				tx.run(new Query(RECORD, Map.of("fingerprint", fingerprint))).consume();
				return created;
			});
			log.info("Reference data: {} provincial units, {} party bodies ({} nodes created)", provinces.size(),
					bodies.size(), counters);
		}
	}

	/**
	 * A digest of the rows and of the statements that write them.
	 */
	@SafeVarargs
	private static String fingerprint(List<Map<String, Object>>... rowLists) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String statement : List.of(PROVINCES, MERGERS, BODIES, BODY_PARENTS, BODY_PROVINCES)) {
				digest.update(statement.getBytes(StandardCharsets.UTF_8));
			}
			digest.update(String.valueOf(ProvinceGazetteer.MERGER_DATE).getBytes(StandardCharsets.UTF_8));
			for (List<Map<String, Object>> rows : rowLists) {
				digest.update((byte) '[');
				for (Map<String, Object> row : rows) {
					digest.update(new TreeMap<>(row).toString().getBytes(StandardCharsets.UTF_8));
				}
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
