package org.policygraph.graphql;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import graphql.scalars.ExtendedScalars;

import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * A controller slice: Spring for GraphQL's {@link GraphQlTest} over the project's schema
 * ({@code graphql-schema/}, on the classpath as {@code graphql/}), with the project's
 * scalars, error resolver ({@link GraphQlErrorResolver}, picked up by the slice's own
 * filter) and query limits ({@link QueryLimitsInstrumentation}), and only the controllers
 * named. No web layer, no database, no security: the controllers' collaborators are
 * replaced by {@code @MockitoBean}s in the test, and documents run through an
 * {@code ExecutionGraphQlServiceTester} from {@code src/test/resources/graphql-test/}.
 * <p>
 * Fields mapped by controllers not named stay unmapped (the schema still loads: the
 * schema inspection only reports them), so a test asks for its own fields only.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@GraphQlTest
@Import(GraphQlSliceTest.SliceConfiguration.class)
public @interface GraphQlSliceTest {

	/**
	 * @return the controllers under test (the one place a test lists them)
	 */
	@AliasFor(annotation = GraphQlTest.class, attribute = "controllers")
	Class<?>[] controllers() default {};

	/**
	 * @return properties added to the slice's environment, e.g. smaller query limits
	 */
	@AliasFor(annotation = GraphQlTest.class, attribute = "properties")
	String[] properties() default {};

	/**
	 * What every controller needs besides its collaborators: the scalars and the query
	 * limits as the application configures them.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	@Import({ SchemaConfiguration.class, QueryLimitsConfiguration.class })
	class SliceConfiguration {

		/**
		 * The {@code DateTime} scalar, wired in production by
		 * {@code SourceConfiguration}, whose other beans need the sources' fetcher and
		 * the ingest side: the schema does not load without it, whichever controllers are
		 * under test.
		 */
		@Bean
		RuntimeWiringConfigurer dateTimeScalar() {
			return wiring -> wiring.scalar(ExtendedScalars.DateTime);
		}

	}

}
