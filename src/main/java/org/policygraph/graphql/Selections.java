package org.policygraph.graphql;

import java.util.ArrayList;
import java.util.List;

import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;

/**
 * What a field's selection asks for, by a path of field names ({@code "edges/node/via"}),
 * walked through the selection's immediate fields.
 * {@link DataFetchingFieldSelectionSet#contains} takes a glob: it compiles a path matcher
 * and builds a path of every selected field on each call, which a field resolved once per
 * row of a large answer (an implementation's evidence) paid again for every row.
 */
public final class Selections {

	private Selections() {
	}

	/**
	 * @param selection a field's selection
	 * @param path field names separated by {@code /}, no globs
	 * @return whether a field at that path is selected (under any alias, in any fragment)
	 */
	public static boolean asks(DataFetchingFieldSelectionSet selection, String path) {
		return !fields(selection, path).isEmpty();
	}

	/**
	 * @param selection a field's selection
	 * @param path field names separated by {@code /}, no globs
	 * @return the selected fields at that path, one per alias
	 */
	public static List<SelectedField> fields(DataFetchingFieldSelectionSet selection, String path) {
		List<SelectedField> found = new ArrayList<>();
		collect(selection, path.split("/"), 0, found);
		return found;
	}

	private static void collect(DataFetchingFieldSelectionSet selection, String[] names, int depth,
			List<SelectedField> found) {
		for (SelectedField field : selection.getImmediateFields()) {
			if (!field.getName().equals(names[depth])) {
				continue;
			}
			if (depth == names.length - 1) {
				found.add(field);
			}
			else {
				collect(field.getSelectionSet(), names, depth + 1, found);
			}
		}
	}

}
