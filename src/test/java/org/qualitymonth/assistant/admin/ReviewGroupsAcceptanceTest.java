package org.qualitymonth.assistant.admin;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.qualitymonth.assistant.querylog.QueryLogFixture;
import org.qualitymonth.assistant.system.SharedKnowledge;
import org.qualitymonth.assistant.system.AppTest;
import org.junit.jupiter.api.Test;
import org.qualitymonth.assistant.system.RunningApp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's "done when" for the review: three differently worded questions about one
 * missing topic are one group in the API, the CSV and the page; adding the group as
 * examples of an intent makes the bot answer a fourth wording.
 */
@AppTest
class ReviewGroupsAcceptanceTest {

	/** Wordings today's engine declines (only declined questions reach the review). */
	static final List<String> MASCOT = List.of("吉祥物叫什么名字", "有吉祥物吗", "吉祥物长什么样");

	static final String FOURTH = "活动有吉祥物吗";

	final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	ConfigurableApplicationContext context;

	@Test
	void threeWordingsAreOneGroupAndAddingTheGroupTeachesTheBot() throws Exception {
		// the review groups every unanswered question: only this test's
		QueryLogFixture.clear(context);
		Path intents = Path.of(context.getEnvironment().getRequiredProperty("bot.intents-dir"));
		try (RunningApp app = RunningApp.shared(context)) {
			for (String question : MASCOT) {
				assertThat(json.readTree(app.ask(question, "citizen").body()).get("answered").asBoolean()).as(question)
					.isFalse();
			}
			assertThat(json.readTree(app.ask("附近有什么好吃的", "citizen").body()).get("answered").asBoolean()).isFalse();
			assertThat(json.readTree(app.ask(FOURTH, "citizen-2").body()).get("intent").asString())
				.as("precondition: the bot does not know the topic yet")
				.isNotEqualTo("slogans");

			JsonNode body = json
				.readTree(app.get("/api/v1/admin/unanswered?status=new", RunningApp.ADMIN_PASSWORD).body());
			List<JsonNode> meaning = new ArrayList<>();
			body.get("meaningGroups").forEach(meaning::add);
			JsonNode mascot = meaning.stream()
				.filter(g -> g.get("wordings").toString().contains(MASCOT.get(0)))
				.findFirst()
				.orElseThrow();
			List<String> wordings = new ArrayList<>();
			mascot.get("wordings").forEach(w -> wordings.add(w.asString()));
			assertThat(wordings).contains(MASCOT.get(0), MASCOT.get(1), MASCOT.get(2));
			assertThat(mascot.get("count").asLong()).isEqualTo(3);
			assertThat(mascot.get("nearestIntents").size()).isPositive();
			String id = mascot.get("id").asString();
			body.get("groups")
				.forEach(g -> assertThat(g.get("groupId").asString())
					.isEqualTo(g.get("text").asString().contains("吉祥物") ? id : g.get("groupId").asString()));
			assertThat(meaning).filteredOn(g -> g.get("id").asString().equals(id)).hasSize(1);
			assertThat(meaning).hasSize(2);

			String csv = new String(app.getBytes("/api/v1/admin/unanswered.csv", RunningApp.ADMIN_PASSWORD).body(),
					StandardCharsets.UTF_8);
			assertThat(csv.lines().filter(l -> l.contains("吉祥物")).toList()).hasSize(3)
				.allSatisfy(l -> assertThat(l).endsWith("," + id));

			HttpClient staff = loggedIn(app);
			HttpResponse<String> review = staff.send(HttpRequest.newBuilder(URI.create(app.url("/admin/unanswered")))
				.header("Accept", "text/html")
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(review.statusCode()).as(review.headers().map().toString()).isEqualTo(200);
			String page = review.body();
			String article = page.substring(page.indexOf("id=\"group-" + id + "\""));
			article = article.substring(0, article.indexOf("</article>"));
			for (String wording : MASCOT) {
				assertThat(article).contains(wording);
			}
			assertThat(article).contains("组 " + id, "全部添加并重新加载", "请选择意图");

			StringBuilder form = new StringBuilder("intent=slogans&_csrf=" + enc(AdminSecurityTest.csrfToken(page)));
			for (String wording : wordings) {
				form.append("&text=").append(enc(wording)).append("&example=").append(enc(wording));
			}
			HttpResponse<String> added = staff
				.send(HttpRequest.newBuilder(URI.create(app.url("/admin/unanswered/example")))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form.toString()))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(added.statusCode()).isEqualTo(302);
			String flashed = staff.send(HttpRequest
				.newBuilder(URI.create(app.url("/admin/unanswered"))
					.resolve(added.headers().firstValue("Location").orElseThrow()))
				.build(), HttpResponse.BodyHandlers.ofString()).body();
			assertThat(flashed).contains("意图“活动口号”", "无需重启").doesNotContain("id=\"group-" + id + "\"");
			assertThat(Files.readString(intents.resolve("80_contact.yaml"), StandardCharsets.UTF_8))
				.contains(MASCOT.get(0), MASCOT.get(1), MASCOT.get(2));

			JsonNode fourth = json.readTree(app.ask(FOURTH, "citizen-3").body());
			assertThat(fourth.get("answered").asBoolean()).as(fourth.toString()).isTrue();
			assertThat(fourth.get("intent").asString()).isEqualTo("slogans");
		}
		finally {
			SharedKnowledge.restore(RunningApp.shared(context));
		}
	}

	private static HttpClient loggedIn(RunningApp app) throws Exception {
		HttpClient staff = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.cookieHandler(new CookieManager())
			.build();
		String token = AdminSecurityTest.csrfToken(
				staff
					.send(HttpRequest.newBuilder(URI.create(app.url("/admin/login"))).build(),
							HttpResponse.BodyHandlers.ofString())
					.body());
		HttpResponse<String> login = staff.send(HttpRequest.newBuilder(URI.create(app.url("/admin/login")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers
				.ofString("username=admin&password=" + enc(RunningApp.ADMIN_PASSWORD) + "&_csrf=" + enc(token)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		return staff;
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
