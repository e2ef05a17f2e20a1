package org.policygraph;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package structure of the product code: no cycles between packages, and each package
 * imports only the packages docs/architecture.md ("Packages") allows it.
 */
class ArchitectureTests {

	private static JavaClasses classes;

	@BeforeAll
	static void importProductClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.policygraph");
	}

	@Test
	void topLevelPackagesAreFreeOfCycles() {
		slices().matching("org.policygraph.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void ingestSubPackagesAreFreeOfCycles() {
		slices().matching("org.policygraph.ingest.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void packagesImportOnlyWhatTheArchitectureAllows() {
		allowedImports().check(classes);
	}

	@Test
	void ingestRoomsImportInOneDirection() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("cli")
			.definedBy("org.policygraph.ingest.cli..")
			.layer("api")
			.definedBy("org.policygraph.ingest.api..")
			.layer("bulk")
			.definedBy("org.policygraph.ingest.bulk..")
			.layer("pipeline")
			.definedBy("org.policygraph.ingest")
			.layer("write")
			.definedBy("org.policygraph.ingest.write..")
			.layer("read")
			.definedBy("org.policygraph.ingest.read..")
			.whereLayer("cli")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("api")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("bulk")
			.mayOnlyBeAccessedByLayers("cli")
			.whereLayer("pipeline")
			.mayOnlyBeAccessedByLayers("cli", "api", "bulk")
			.whereLayer("write")
			.mayOnlyBeAccessedByLayers("pipeline", "bulk")
			.whereLayer("read")
			.mayOnlyBeAccessedByLayers("cli", "api", "bulk", "pipeline")
			.whereLayer("write")
			.mayNotAccessAnyLayer()
			.whereLayer("read")
			.mayNotAccessAnyLayer()
			.check(classes);
	}

	@Test
	void writersSignalChangesAndReadersSeeOnlyIngestEvents() {
		noClasses().that()
			.resideInAPackage("org.policygraph.ingest..")
			.should()
			.dependOnClassesThat(resideInAPackage("org.policygraph.cache..").and(not(simpleName("GraphChanged"))))
			.check(classes);
		noClasses().that()
			.resideInAnyPackage("org.policygraph.article..", "org.policygraph.implementation..")
			.should()
			.dependOnClassesThat(resideInAPackage("org.policygraph.ingest..").and(not(simpleNameEndingWith("Event"))))
			.check(classes);
	}

	private static LayeredArchitecture allowedImports() {
		return layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("web")
			.definedBy("org.policygraph.web..")
			.layer("security")
			.definedBy("org.policygraph.security..")
			.layer("source")
			.definedBy("org.policygraph.source..")
			.layer("export")
			.definedBy("org.policygraph.export..")
			.layer("research")
			.definedBy("org.policygraph.research..")
			.layer("analytics")
			.definedBy("org.policygraph.analytics..")
			.layer("traversal")
			.definedBy("org.policygraph.traversal..")
			.layer("quality")
			.definedBy("org.policygraph.quality..")
			.layer("article")
			.definedBy("org.policygraph.article..")
			.layer("body")
			.definedBy("org.policygraph.body..")
			.layer("document")
			.definedBy("org.policygraph.document..")
			.layer("province")
			.definedBy("org.policygraph.province..")
			.layer("implementation")
			.definedBy("org.policygraph.implementation..")
			.layer("search")
			.definedBy("org.policygraph.search..")
			.layer("graph")
			.definedBy("org.policygraph.graph..")
			.layer("cache")
			.definedBy("org.policygraph.cache..")
			.layer("graphql")
			.definedBy("org.policygraph.graphql..")
			.layer("ingest")
			.definedBy("org.policygraph.ingest..")
			.layer("extraction")
			.definedBy("org.policygraph.extraction..")
			.layer("corpus")
			.definedBy("org.policygraph.corpus..")
			.layer("reference")
			.definedBy("org.policygraph.reference..")
			.layer("neo4j")
			.definedBy("org.policygraph.neo4j..")

			.whereLayer("web")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("web")
			.mayNotAccessAnyLayer()
			.whereLayer("security")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("security")
			.mayNotAccessAnyLayer()
			.whereLayer("source")
			.mayOnlyAccessLayers("ingest", "graphql")
			.whereLayer("export")
			.mayOnlyAccessLayers("research", "analytics", "traversal", "graph", "graphql", "neo4j")
			.whereLayer("research")
			.mayOnlyAccessLayers("graph", "graphql", "extraction")
			.whereLayer("analytics")
			.mayOnlyAccessLayers("graph", "graphql")
			.whereLayer("traversal")
			.mayOnlyAccessLayers("graph", "graphql", "reference")
			.whereLayer("quality")
			.mayOnlyAccessLayers("graph", "graphql")
			.whereLayer("article")
			.mayOnlyAccessLayers("graph", "graphql", "cache", "ingest")
			.whereLayer("body")
			.mayOnlyAccessLayers("graph", "graphql", "reference")
			.whereLayer("document")
			.mayOnlyAccessLayers("graph", "graphql", "reference")
			.whereLayer("province")
			.mayOnlyAccessLayers("graph", "graphql", "reference")
			.whereLayer("implementation")
			.mayOnlyAccessLayers("graph", "graphql", "ingest")
			.whereLayer("search")
			.mayOnlyAccessLayers("graph", "graphql", "reference")
			.whereLayer("graph")
			.mayOnlyAccessLayers("graphql", "reference")
			.whereLayer("cache")
			.mayOnlyAccessLayers("neo4j")
			.whereLayer("graphql")
			.mayOnlyAccessLayers("neo4j", "extraction")
			.whereLayer("ingest")
			.mayOnlyAccessLayers("extraction", "reference", "graphql", "cache", "neo4j")
			.whereLayer("extraction")
			.mayOnlyAccessLayers("reference")
			.whereLayer("corpus")
			.mayOnlyAccessLayers("reference")
			.whereLayer("reference")
			.mayOnlyAccessLayers("neo4j")
			.whereLayer("neo4j")
			.mayNotAccessAnyLayer()

			// export, research, analytics, traversal, quality and the six entity packages
			// are read
			// by no product package but export (which serves research, analytics and
			// traversal as files)
			.whereLayer("research")
			.mayOnlyBeAccessedByLayers("export")
			.whereLayer("analytics")
			.mayOnlyBeAccessedByLayers("export")
			.whereLayer("traversal")
			.mayOnlyBeAccessedByLayers("export")
			.whereLayer("quality")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("export")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("article")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("body")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("document")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("province")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("implementation")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("search")
			.mayNotBeAccessedByAnyLayer()

			.withOptionalLayers(true);
	}

}
