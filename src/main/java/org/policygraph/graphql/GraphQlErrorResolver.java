package org.policygraph.graphql;

import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.policygraph.extraction.ExtractionCancelledException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Classifies exceptions thrown while fetching data. Expected problems get a clear message
 * and a classification; anything else is logged and reported as {@code INTERNAL_ERROR}
 * without details.
 */
@Component
class GraphQlErrorResolver extends DataFetcherExceptionResolverAdapter {

	private static final Logger log = LoggerFactory.getLogger(GraphQlErrorResolver.class);

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		if (ex instanceof InvalidArgumentException invalid) {
			return GraphqlErrorBuilder.newError(env)
				.errorType(ErrorType.BAD_REQUEST)
				.message(invalid.getMessage())
				.extensions(Map.of("argument", invalid.getArgument()))
				.build();
		}
		if (ex instanceof NotFoundException notFound) {
			return GraphqlErrorBuilder.newError(env)
				.errorType(ErrorType.NOT_FOUND)
				.message(notFound.getMessage())
				.build();
		}
		if (ex instanceof ExtractionCancelledException) {
			return GraphqlErrorBuilder.newError(env)
				.errorType(ErrorType.INTERNAL_ERROR)
				.message("The request ran out of time and was stopped; send a shorter text.")
				.extensions(Map.of("reason", "TIMEOUT"))
				.build();
		}
		if (isDatabaseUnavailable(ex)) {
			log.warn("Database unavailable while fetching {}: {}", env.getExecutionStepInfo().getPath(),
					ex.getMessage());
			return GraphqlErrorBuilder.newError(env)
				.errorType(ErrorType.INTERNAL_ERROR)
				.message("The database is unavailable; try again shortly.")
				.extensions(Map.of("reason", "DATABASE_UNAVAILABLE"))
				.build();
		}
		return null;
	}

	private static boolean isDatabaseUnavailable(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof ServiceUnavailableException || t instanceof SessionExpiredException
					|| t instanceof DataAccessResourceFailureException
					|| t instanceof TransientDataAccessResourceException) {
				return true;
			}
		}
		return false;
	}

}
