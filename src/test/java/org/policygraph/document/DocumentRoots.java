package org.policygraph.document;

import java.util.List;
import java.util.Optional;

import org.policygraph.graph.Document;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockReset;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The document roots ({@code documents}, {@code document(key)}) for the controller slices
 * of other packages that map fields under {@code Document}: the real
 * {@link DocumentController} over a mocked {@link DocumentQueries} (package-private, so
 * stubbed through this bean). Import it into the slice and autowire it. The mock is reset
 * after each test.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(DocumentController.class)
public class DocumentRoots {

	private final DocumentQueries queries = mock(DocumentQueries.class, MockReset.withSettings(MockReset.AFTER));

	@Bean
	DocumentQueries documentRootQueries() {
		return this.queries;
	}

	/**
	 * {@code documents} (whatever its arguments) answers these documents, in this order,
	 * on one page.
	 * @param documents the documents
	 */
	public void willList(Document... documents) {
		given(this.queries.page(any(), any())).willReturn(List.of(documents));
	}

	/**
	 * {@code document(key)} answers this document for its key.
	 * @param document the document
	 */
	public void willFind(Document document) {
		given(this.queries.byKey(eq(document.key()), anyBoolean(), anyBoolean())).willReturn(Optional.of(document));
	}

}
