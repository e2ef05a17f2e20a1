package org.policygraph.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.graphql.ExecutionGraphQlRequest;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's warm-up asks the page's first-load questions, the coverage of the
 * document the first answer names, and stops quietly at the first error or when the
 * application closes.
 */
class DashboardWarmUpTests {

	private static final String TOP = "05-KL/TW|TW|2006-07-16";

	private final List<ExecutionGraphQlRequest> asked = new ArrayList<>();

	private ExecutionGraphQlService answering(Function<ExecutionGraphQlRequest, ExecutionResult> answer) {
		return request -> {
			this.asked.add(request);
			return Mono.just(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), answer.apply(request)));
		};
	}

	private static ExecutionResult data(Map<String, Object> data) {
		return ExecutionResult.newExecutionResult().data(data).build();
	}

	@Test
	void shouldWarmUpInTheServerButNotInTheIngestCommandWhichServesNoDashboard() {
		ExecutionGraphQlService graphQl = request -> Mono.empty();
		new WebApplicationContextRunner().withBean(ExecutionGraphQlService.class, () -> graphQl)
			.withUserConfiguration(DashboardWarmUp.class)
			.run(context -> assertThat(context).hasSingleBean(DashboardWarmUp.class));
		new ApplicationContextRunner().withBean(ExecutionGraphQlService.class, () -> graphQl)
			.withUserConfiguration(DashboardWarmUp.class)
			.run(context -> assertThat(context).doesNotHaveBean(DashboardWarmUp.class));
	}

	@Test
	void shouldAskTheFirstLoadsQuestionsWithTheMostImplementedDocument() {
		new DashboardWarmUp(answering(request -> request.getDocument().contains("MostImplemented")
				? data(Map.of("documentChoices", List.of(Map.of("document", Map.of("key", TOP))))) : data(Map.of())),
				true)
			.run();

		assertThat(this.asked).extracting(r -> r.getDocument().lines().findFirst().orElse(""))
			.containsExactly("query MostImplemented {", "query DashboardProvinces { provinces { key name era } }",
					"query WarmCoverage($key: ID!) {", "query WarmChoices {", "query WarmTypedChoices {");
		assertThat(this.asked.get(2).getVariables()).containsEntry("key", TOP);
		assertThat(this.asked.get(2).getDocument()).contains("coverage(documentKey: $key",
				"mentionsPerMonth(documentKey: $key)");
	}

	@Test
	void shouldSkipTheCoverageOfAnEmptyGraph() {
		new DashboardWarmUp(answering(request -> data(Map.of("documentChoices", List.of()))), true).run();

		assertThat(this.asked).noneMatch(r -> r.getDocument().contains("coverage("));
		assertThat(this.asked).hasSize(4);
	}

	@Test
	void shouldStopQuietlyAtTheFirstError() {
		new DashboardWarmUp(answering(request -> ExecutionResult.newExecutionResult()
			.addError(GraphqlErrorBuilder.newError().message("Database unavailable").build())
			.build()), true).run();

		assertThat(this.asked).hasSize(1);
	}

	@Test
	void shouldAskNoFurtherQuestionOnceTheApplicationCloses() {
		DashboardWarmUp[] warmUp = new DashboardWarmUp[1];
		warmUp[0] = new DashboardWarmUp(answering(request -> {
			// The application closes while the first question is being answered.
			warmUp[0].stop();
			return data(Map.of("documentChoices", List.of(Map.of("document", Map.of("key", TOP)))));
		}), true);

		warmUp[0].run();

		assertThat(this.asked).hasSize(1);
	}

	@Test
	void shouldAskNothingWhenTurnedOff() {
		new DashboardWarmUp(answering(request -> data(Map.of())), false).warmUp();

		assertThat(this.asked).isEmpty();
	}

}
