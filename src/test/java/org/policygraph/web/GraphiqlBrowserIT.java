package org.policygraph.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphiQL, served by the application from webjars: it loads offline with the example
 * operations as tabs, and running the first one shows its result.
 */
class GraphiqlBrowserIT extends BrowserTests {

	@Test
	void shouldRunTheFirstExampleAndShowItsResult() {
		open("/graphiql");
		assertSharedHeader();
		waitFor(".graphiql-execute-button");
		List<String> tabs = this.browser.driver().findElements(By.cssSelector(".graphiql-tab")).stream()
			.map(tab -> tab.getText())
			.toList();
		assertThat(tabs).hasSizeGreaterThanOrEqualTo(10);
		assertThat(String.join(" ", tabs)).contains("WhoImplementsResolution22", "Coverage", "Neighbourhood", "Ingest");

		find(".graphiql-execute-button").click();

		waitForText(".result-window", "Nghị quyết số 22-NQ/TW");
		waitForText(".result-window", "Đắk Lắk");
		assertThat(textOf(".result-window")).doesNotContain("\"errors\"");
		this.browser.screenshot("graphiql");
	}

}
