package org.policygraph.security;

import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * {@code checkWriteAccess}: lets a client (or the GraphiQL page) test its credentials.
 */
@Controller
class WriteAccessController {

	@MutationMapping
	@PreAuthorize("hasRole('EDITOR')")
	boolean checkWriteAccess() {
		return true;
	}

}
