package org.policygraph.research;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.policygraph.graph.ProvinceUnits;
import org.policygraph.graph.Document;
import org.policygraph.graph.GraphLookups;
import org.policygraph.graphql.InvalidArgumentException;
import org.policygraph.graphql.NotFoundException;

import org.springframework.stereotype.Component;

/**
 * The coverage matrix for the GraphQL API and the CSV export: its columns are resolved
 * (and checked) first, then its rows are produced one unit at a time, never per cell.
 */
@Component
public class CoverageMatrices {

	private final ResearchQueries queries;

	private final GraphLookups lookups;

	CoverageMatrices(ResearchQueries queries, GraphLookups lookups) {
		this.queries = queries;
		this.lookups = lookups;
	}

	/**
	 * The matrix's columns.
	 * @param selection the documents wanted
	 * @return the documents, in the listed order or by issue date
	 * @throws NotFoundException when a listed key is no document's
	 * @throws InvalidArgumentException when the selection has more than
	 * {@value DocumentSelection#MAX_DOCUMENTS} documents
	 */
	public List<Document> documents(DocumentSelection selection) {
		List<String> keys = selection.documentKeys();
		if (keys != null) {
			Map<String, Document> found = this.lookups.documents(keys);
			List<String> unknown = keys.stream().filter(k -> !found.containsKey(k)).toList();
			if (!unknown.isEmpty()) {
				throw new NotFoundException("No document has the key(s) " + String.join(", ", unknown));
			}
			return keys.stream().map(found::get).toList();
		}
		List<Document> documents = this.queries.documentsByFilter(selection.type(), selection.fromYear(),
				selection.toYear(), DocumentSelection.MAX_DOCUMENTS + 1);
		if (documents.size() > DocumentSelection.MAX_DOCUMENTS) {
			throw new InvalidArgumentException("type", "the selection has more than " + DocumentSelection.MAX_DOCUMENTS
					+ " documents; narrow type, fromYear and toYear, or list documentKeys");
		}
		return documents;
	}

	/**
	 * Hands each unit's row to {@code sink} as it is read, in one read transaction.
	 * @param documents the columns, from {@link #documents}
	 * @param units the set of units
	 * @param sink receives each row, units by name
	 */
	public void forEachRow(List<Document> documents, ProvinceUnits units, Consumer<CoverageMatrix.Row> sink) {
		forEachRow(documents, units, null, null, sink);
	}

	/**
	 * Hands each unit's row over a period to {@code sink} as it is read, in one read
	 * transaction: a unit implements a document when an article published in the period
	 * reports it, as {@code coverage(from, to)} counts.
	 * @param documents the columns, from {@link #documents}
	 * @param units the set of units
	 * @param from the period's first day; open when null
	 * @param to the period's last day; open when null
	 * @param sink receives each row, units by name
	 * @throws InvalidArgumentException when {@code to} is before {@code from}
	 */
	public void forEachRow(List<Document> documents, ProvinceUnits units, @Nullable LocalDate from,
			@Nullable LocalDate to, Consumer<CoverageMatrix.Row> sink) {
		InvalidArgumentException.requirePeriod(from, to);
		this.queries.matrix(documents, units, from, to, sink);
	}

	/**
	 * @param selection the documents wanted
	 * @param units the set of units
	 * @return the whole matrix
	 */
	public CoverageMatrix matrix(DocumentSelection selection, ProvinceUnits units) {
		List<Document> documents = documents(selection);
		List<CoverageMatrix.Row> rows = new ArrayList<>();
		forEachRow(documents, units, rows::add);
		return new CoverageMatrix(units, documents, rows);
	}

}
