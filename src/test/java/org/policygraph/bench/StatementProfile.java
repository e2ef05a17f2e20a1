package org.policygraph.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.ExecutionPlanDescription;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import tools.jackson.databind.json.JsonMapper;

/**
 * Database accesses and CPU time of Cypher statements in process, on a data directory of
 * the embedded database (a copy: statements may write). Not a test: a measuring tool.
 * <p>
 * {@code java -cp <test classpath> org.policygraph.bench.StatementProfile <data directory> <runs> <file.cypher> '<parameters as JSON>' ...}
 * prints, per statement, the rows, the db hits of {@code PROFILE} (summed over the plan)
 * and the least and the median CPU time of the executing thread over {@code runs}
 * executions (each result consumed); with {@code runs} 0, executes each statement once
 * (committing it) and prints its rows.
 */
public final class StatementProfile {

	private StatementProfile() {
	}

	public static void main(String[] args) throws Exception {
		Path data = Path.of(args[0]).toAbsolutePath().normalize();
		int runs = Integer.parseInt(args[1]);
		DatabaseManagementService service = new DatabaseManagementServiceBuilder(data)
			.setConfig(GraphDatabaseSettings.pagecache_memory, 256L * 1024 * 1024)
			.build();
		try {
			GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			for (int i = 2; i + 1 < args.length; i += 2) {
				String cypher = Files.readString(Path.of(args[i]));
				@SuppressWarnings("unchecked")
				Map<String, Object> params = new HashMap<>(
						JsonMapper.builder().build().readValue(args[i + 1], Map.class));
				if (runs == 0) {
					try (Transaction tx = db.beginTx(); Result result = tx.execute(cypher, params)) {
						result.forEachRemaining(row -> System.out.println(row));
						tx.commit();
					}
					continue;
				}
				long rows;
				long hits;
				try (Transaction tx = db.beginTx(); Result result = tx.execute("PROFILE " + cypher, params)) {
					rows = 0;
					while (result.hasNext()) {
						result.next();
						rows++;
					}
					hits = hits(result.getExecutionPlanDescription());
				}
				long[] cpu = new long[runs];
				for (int r = 0; r < runs; r++) {
					long started = threads.getCurrentThreadCpuTime();
					try (Transaction tx = db.beginTx(); Result result = tx.execute(cypher, params)) {
						result.accept(row -> true);
					}
					cpu[r] = threads.getCurrentThreadCpuTime() - started;
				}
				java.util.Arrays.sort(cpu);
				System.out.printf("%s: %d rows, %d db hits, CPU least %.2f ms, median %.2f ms (%d runs)%n", args[i],
						rows, hits, cpu[0] / 1e6, cpu[runs / 2] / 1e6, runs);
			}
		}
		finally {
			service.shutdown();
		}
	}

	private static long hits(ExecutionPlanDescription plan) {
		if (System.getProperty("plan") != null) {
			System.out.printf("%s %s rows=%d hits=%d%n", plan.getName(), plan.getArguments().get("Details"),
					plan.hasProfilerStatistics() ? plan.getProfilerStatistics().getRows() : -1,
					plan.hasProfilerStatistics() ? plan.getProfilerStatistics().getDbHits() : -1);
		}
		long hits = plan.hasProfilerStatistics() ? plan.getProfilerStatistics().getDbHits() : 0;
		for (ExecutionPlanDescription child : plan.getChildren()) {
			hits += hits(child);
		}
		return hits;
	}

}
