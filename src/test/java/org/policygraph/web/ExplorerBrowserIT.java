package org.policygraph.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The graph explorer: a diacritic-free search finds Đắk Lắk, choosing it draws its
 * neighbourhood, clicking a node merges that node's neighbourhood and shows its details.
 */
class ExplorerBrowserIT extends BrowserTests {

	private static final String DAK_LAK = "66";

	private static final String RESOLUTION_22 = "22-NQ/TW|TW|2008-02-02";

	@Test
	void shouldSearchDrawExpandAndShowDetails() {
		open("/explore");
		assertSharedHeader();

		find("#search-text").sendKeys("Dak Lak");
		find("#search-button").click();
		WebElement hit = waitFor("button.hit[data-id='" + DAK_LAK + "']");
		assertThat(hit.getText()).contains("Đắk Lắk");
		hit.click();

		this.browser.waiting().withMessage("the neighbourhood of Đắk Lắk drawn").until(driver -> nodeCount() >= 5);
		waitFor("#details-body[data-loaded='" + DAK_LAK + "']");
		assertThat(textOf("#details-body")).contains("Đắk Lắk", "Nghị quyết số 22-NQ/TW");
		assertThat(hasNode(RESOLUTION_22)).isTrue();
		this.browser.screenshot("explore-province");

		long before = nodeCount();
		clickNode(RESOLUTION_22);
		this.browser.waiting().withMessage("more nodes after expanding 22-NQ/TW").until(driver -> nodeCount() > before);
		waitFor("#details-body[data-loaded='" + RESOLUTION_22 + "']");
		String details = textOf("#details-body");
		assertThat(details).contains("Nghị quyết số 22-NQ/TW", "Ban Chấp hành Trung ương", "Đắk Lắk");
		assertThat(this.browser.driver().findElements(org.openqa.selenium.By.cssSelector("#details-body .evidence q")))
			.as("evidence sentences").isNotEmpty();
		this.browser.screenshot("explore-expanded");

		// Filtering out IMPLEMENTS hides those edges, client-side.
		find("label[for='type-IMPLEMENTS']").click();
		this.browser.waiting().until(driver -> visibleEdges("IMPLEMENTS") == 0);
		find("label[for='type-IMPLEMENTS']").click();
		this.browser.waiting().until(driver -> visibleEdges("IMPLEMENTS") > 0);

		assertNoConsoleErrors();
		assertFitsPhoneWidth("explore-phone");
	}

	private long nodeCount() {
		Number count = this.browser.script("return window.cy ? window.cy.nodes().length : 0;");
		return count.longValue();
	}

	private boolean hasNode(String id) {
		return Boolean.TRUE.equals(this.browser.script("return window.cy.getElementById(arguments[0]).nonempty();", id));
	}

	private long visibleEdges(String type) {
		Number count = this.browser.script(
				"return window.cy.edges().filter(e => e.data('type') === arguments[0] && e.visible()).length;", type);
		return count.longValue();
	}

	/** A real mouse click on the node where cytoscape drew it. */
	@SuppressWarnings("unchecked")
	private void clickNode(String id) {
		Map<String, Number> at = this.browser.script("""
				const cy = window.cy;
				cy.container().scrollIntoView({ block: 'center' });
				const node = cy.getElementById(arguments[0]);
				cy.center(node);
				const p = node.renderedPosition();
				const box = cy.container().getBoundingClientRect();
				return { x: p.x - box.width / 2, y: p.y - box.height / 2 };""", id);
		new Actions(this.browser.driver())
			.moveToElement(find("#cy"), at.get("x").intValue(), at.get("y").intValue())
			.click()
			.perform();
	}

}
