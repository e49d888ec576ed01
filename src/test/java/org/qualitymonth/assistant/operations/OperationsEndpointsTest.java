package org.qualitymonth.assistant.operations;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.BeforeEach;
import org.qualitymonth.assistant.system.AppTest;
import org.junit.jupiter.api.Test;
import org.qualitymonth.assistant.system.RunningApp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator's Prometheus and orchestrator see of the running app, over real HTTP.
 */
@AppTest
class OperationsEndpointsTest {

	@Autowired
	ConfigurableApplicationContext context;

	RunningApp app;

	final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void app() {
		app = RunningApp.shared(context);
	}

	@Test
	void prometheusSeesQuestionsByChannelAndOutcomeIntentsLatencyCacheReloadsAndTheSpool() throws Exception {
		// the application is shared with other test classes: count what this test adds
		String before = app.get("/actuator/prometheus", RunningApp.ADMIN_PASSWORD).body();
		String replyId = json.readTree(app.ask("质量月的主题是什么", "metrics-1").body()).get("id").asString();
		app.ask("质量月的主题是什么", "metrics-2");
		app.ask("明天北京会下雨吗", "metrics-3");
		assertThat(app.feedback(replyId, true).statusCode()).isEqualTo(204);

		String scrape = app.get("/actuator/prometheus", RunningApp.ADMIN_PASSWORD).body();

		assertThat(added(before, scrape, "assistant_questions_total{channel=\"api\",outcome=\"answered\"}"))
			.isEqualTo(2);
		assertThat(added(before, scrape, "assistant_questions_total{channel=\"api\",outcome=\"declined\"}"))
			.isEqualTo(1);
		assertThat(added(before, scrape, "assistant_intent_answers_total{intent=\"theme\"}")).isEqualTo(2);
		assertThat(added(before, scrape, "assistant_feedback_total{helpful=\"true\"}")).isEqualTo(1);
		assertThat(added(before, scrape, "assistant_answer_latency_seconds_count{channel=\"api\"}")).isEqualTo(3);
		assertThat(scrape).contains("assistant_answer_latency_seconds_bucket{channel=\"api\",le=\"0.001\"}");
		// the second theme question came from the answer cache
		assertThat(value(scrape, "cache_gets_total{cache=\"answers\",result=\"hit\"}")).isGreaterThanOrEqualTo(1);
		assertThat(value(scrape, "assistant_knowledge_reloads_total")).isGreaterThanOrEqualTo(1);
		assertThat(added(before, scrape, "assistant_knowledge_reload_failures_total")).isZero();
		assertThat(scrape).contains("querylog_spool_bytes ", "querylog_database_away ",
				"http_server_requests_seconds_count");
	}

	@Test
	void readinessNeedsTheKnowledgeBaseButNotTheQueryLogDatabase() throws Exception {
		JsonNode readiness = json.readTree(app.get("/actuator/health/readiness", RunningApp.ADMIN_PASSWORD).body());
		assertThat(readiness.get("status").asString()).isEqualTo("UP");
		assertThat(readiness.get("components").propertyNames()).containsExactlyInAnyOrder("knowledge",
				"readinessState");
		assertThat(readiness.at("/components/knowledge/details/version").asString()).isNotBlank();

		JsonNode liveness = json.readTree(app.get("/actuator/health/liveness", RunningApp.ADMIN_PASSWORD).body());
		assertThat(liveness.get("components").propertyNames()).containsExactly("livenessState");

		JsonNode health = json.readTree(app.get("/actuator/health", RunningApp.ADMIN_PASSWORD).body());
		assertThat(health.at("/components/queryLog/status").asString()).isEqualTo("UP");
		assertThat(health.at("/components/queryLog/details/database").asString()).isEqualTo("reachable");
		assertThat(health.get("components").has("db")).as("replaced by queryLog").isFalse();
	}

	/**
	 * How much the sample grew between two scrapes; a series not yet in the first counts
	 * from zero.
	 */
	private static double added(String before, String after, String series) {
		boolean existed = Pattern.compile("^" + Pattern.quote(series) + " ", Pattern.MULTILINE).matcher(before).find();
		return value(after, series) - (existed ? value(before, series) : 0);
	}

	/**
	 * The sample's value in Prometheus' text format, e.g. {@code name{label="x"} 2.0}.
	 */
	private static double value(String scrape, String series) {
		Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
		assertThat(m.find())
			.as(series + " in\n"
					+ scrape.lines()
						.filter(l -> l.startsWith(series.replaceAll("\\{.*", "")))
						.reduce("", (a, b) -> a + b + "\n"))
			.isTrue();
		return Double.parseDouble(m.group(1));
	}

}
