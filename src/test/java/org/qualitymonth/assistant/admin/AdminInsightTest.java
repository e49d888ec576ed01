package org.qualitymonth.assistant.admin;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.qualitymonth.assistant.querylog.QueryLogFixture;
import org.qualitymonth.assistant.system.AppTest;
import org.junit.jupiter.api.Test;
import org.qualitymonth.assistant.system.RunningApp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overview's server-drawn charts and channel filter, and the conversation view
 * reached from a review group, over real HTTP against the running application.
 */
@AppTest
class AdminInsightTest {

	static final String PHONE = "13812345678";

	@Autowired
	ConfigurableApplicationContext context;

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void chartsFilterByChannelAndAReviewGroupLeadsToTheConversation() throws Exception {
		// the charts count every question of the day: only this test's
		QueryLogFixture.clear(context);
		try (RunningApp app = RunningApp.shared(context)) {
			JsonNode theme = json.readTree(app.ask("质量月的主题是什么", "citizen-1").body());
			assertThat(theme.get("answered").asBoolean()).isTrue();
			assertThat(app.feedback(theme.get("id").asString(), false).statusCode()).isEqualTo(204);
			assertThat(json.readTree(app.ask("附近有什么好吃的 我的电话" + PHONE, "citizen-1").body()).get("answered").asBoolean())
				.isFalse();
			assertThat(json.readTree(app.ask("活动时间", "citizen-1").body()).get("answered").asBoolean()).isTrue();
			app.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/ask")))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(
						"{\"text\":\"推荐一部好看的电影\",\"sessionId\":\"citizen-2\",\"channel\":\"web\"}",
						StandardCharsets.UTF_8)));

			String overview = page(app, "/admin");
			assertThat(overview).contains("id=\"chart-per-day\"", "id=\"chart-decline\"", "id=\"chart-unhelpful\"")
				.doesNotContain("<script", "style=");
			assertThat(count(overview, "<g class=\"column\">")).isEqualTo(30);
			// today: 4 questions, 2 declined; the busiest day fills the box
			assertThat(overview)
				.contains("<rect class=\"declined\" width=\"8\" x=\"291.0\" y=\"0.0\" height=\"50.0\">");
			assertThat(overview).containsPattern("<polyline class=\"decline\" fill=\"none\" points=\"295.00,50.00\">");
			assertThat(overview).contains("活动主题", "100% (1/1)");
			assertThat(stat(overview, "stat-total")).isEqualTo("4");

			String web = page(app, "/admin?channel=web");
			assertThat(stat(web, "stat-total")).isEqualTo("1");
			assertThat(web).contains("<option value=\"web\" selected=\"selected\">web</option>");
			assertThat(app.get("/admin?channel=x%27or", RunningApp.ADMIN_PASSWORD).statusCode()).isEqualTo(400);

			String review = page(app, "/admin/unanswered");
			String group = review.substring(review.indexOf("附近有什么好吃的"));
			Matcher link = Pattern.compile("href=\"(/admin/conversation\\?user=[0-9a-f]+)\"").matcher(group);
			assertThat(link.find()).as("a conversation link on the review page").isTrue();
			String conversation = page(app, link.group(1).replace("&amp;", "&"));
			int first = conversation.indexOf("质量月的主题是什么");
			int second = conversation.indexOf("附近有什么好吃的");
			int third = conversation.indexOf("活动时间");
			assertThat(first).isPositive();
			assertThat(second).isGreaterThan(first);
			assertThat(third).isGreaterThan(second);
			assertThat(conversation).contains("👎", "138****5678").doesNotContain(PHONE, "推荐一部好看的电影");
			assertThat(app.get("/admin/conversation?user=nope!", RunningApp.ADMIN_PASSWORD).statusCode())
				.isEqualTo(400);
		}
	}

	private static String page(RunningApp app, String path) throws Exception {
		HttpResponse<String> response = app.get(path, RunningApp.ADMIN_PASSWORD);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private static int count(String text, String part) {
		return text.split(Pattern.quote(part), -1).length - 1;
	}

	private static String stat(String html, String id) {
		Matcher m = Pattern.compile("id=\"" + id + "\"><div class=\"value\">([^<]*)</div>").matcher(html);
		assertThat(m.find()).as(id).isTrue();
		return m.group(1);
	}

}
