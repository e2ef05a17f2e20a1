package org.policygraph.cache;

import java.util.List;

import graphql.GraphQLContext;
import org.policygraph.neo4j.GraphBookmarks;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The bookmarks a mutation's payload returns: those of a database state that includes its
 * writes (the instance's latest, read once the mutation's writes committed, since a
 * payload's fields are resolved after the mutation). The same bookmarks go in the
 * response header ({@link ReadYourWrites}). The mutations' own controllers do not read
 * bookmarks.
 */
@Controller
class WrittenBookmarks {

	private final GraphBookmarks bookmarks;

	WrittenBookmarks(GraphBookmarks bookmarks) {
		this.bookmarks = bookmarks;
	}

	@SchemaMapping(typeName = "IngestArticlesPayload", field = "bookmarks")
	List<String> ingestArticlesBookmarks(GraphQLContext context) {
		List<String> current = this.bookmarks.current();
		context.put(ReadYourWrites.RESPONSE_BOOKMARKS, current);
		return current;
	}

}
