package org.policygraph.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A Cypher slice: the in-process Neo4j ({@link InProcessNeo4j}) with the project's
 * migrations ({@code cypher/migrations}) applied, a {@code Neo4jClient} on it, a
 * {@link TestGraph} to write the test's small graph with, and the query classes named: no
 * application, no web layer, no GraphQL. Each test writes the graph it reads
 * ({@link TestGraph#replace(String)}); the query runs against the real database.
 * <p>
 * The query classes' {@code @Transactional(readOnly = true)} is not applied here (no
 * transaction manager): each statement runs in a transaction of its own, as it does
 * outside a GraphQL request.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SpringExtension.class)
@ContextConfiguration
@Import(CypherSliceConfiguration.class)
public @interface CypherSliceTest {

	/**
	 * @return the query classes under test
	 */
	@AliasFor(annotation = ContextConfiguration.class, attribute = "classes")
	Class<?>[] value();

}
