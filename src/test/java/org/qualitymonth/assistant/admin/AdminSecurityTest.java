package org.qualitymonth.assistant.admin;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.qualitymonth.assistant.system.AppTest;
import org.junit.jupiter.api.Test;
import org.qualitymonth.assistant.system.RunningApp;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may reach what, over real HTTP: only the admin pages and API need the login. */
@AppTest
class AdminSecurityTest {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void theAdminApiAnswers401WithoutCredentialsAnd200WithThem() throws Exception {
		assertThat(get("/api/v1/admin/unanswered", null).statusCode()).isEqualTo(401);
		assertThat(get("/api/v1/admin/unanswered", "wrong password").statusCode()).isEqualTo(401);
		assertThat(get("/api/v1/admin/knowledge", null).statusCode()).isEqualTo(401);
		HttpResponse<String> ok = get("/api/v1/admin/unanswered", RunningApp.ADMIN_PASSWORD);
		assertThat(ok.statusCode()).isEqualTo(200);
		assertThat(ok.body()).contains("\"groups\":[").contains("\"status\":\"all\"");
		assertThat(get("/api/v1/admin/unanswered.csv", RunningApp.ADMIN_PASSWORD).statusCode()).isEqualTo(200);
	}

	@Test
	void theAdminApiExplainsBadFilters() throws Exception {
		HttpResponse<String> badDate = get("/api/v1/admin/unanswered?from=yesterday", RunningApp.ADMIN_PASSWORD);
		assertThat(badDate.statusCode()).isEqualTo(400);
		assertThat(badDate.body()).contains("from must be a date such as 2020-09-01");
		assertThat(get("/api/v1/admin/unanswered?status=done", RunningApp.ADMIN_PASSWORD).body())
			.contains("use new, reviewed, ignored or added");
		assertThat(
				get("/api/v1/admin/unanswered?from=2020-09-10&to=2020-09-01", RunningApp.ADMIN_PASSWORD).statusCode())
			.isEqualTo(400);
		assertThat(get("/api/v1/admin/unanswered?limit=0", RunningApp.ADMIN_PASSWORD).statusCode()).isEqualTo(400);
		assertThat(get("/api/v1/admin/unanswered?from=2020-09-01&to=2020-09-30&status=new&limit=10",
				RunningApp.ADMIN_PASSWORD)
			.body()).contains("\"from\":\"2020-09-01\"", "\"to\":\"2020-09-30\"", "\"status\":\"new\"");
	}

	@Test
	void browsersAreSentToTheLoginFormAndScriptsMayUseBasic() throws Exception {
		for (String page : new String[] { "/admin", "/admin/unanswered" }) {
			HttpResponse<String> anonymous = get(page, null);
			assertThat(anonymous.statusCode()).as(page).isEqualTo(302);
			assertThat(anonymous.headers().firstValue("Location"))
				.hasValueSatisfying(l -> assertThat(l).endsWith("/admin/login"));
		}
		HttpResponse<String> withBasic = get("/admin", RunningApp.ADMIN_PASSWORD);
		assertThat(withBasic.statusCode()).isEqualTo(200);
		assertThat(withBasic.body()).contains("<meta name=\"viewport\"");
	}

	@Test
	void theLoginFormNeedsItsCsrfTokenAndTheRightPassword() throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.cookieHandler(new CookieManager())
			.build();
		HttpResponse<String> form = browser.send(HttpRequest.newBuilder(uri("/admin/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(form.statusCode()).isEqualTo(200);
		String token = csrfToken(form.body());

		assertThat(post(browser, "/admin/login", "username=admin&password=" + RunningApp.ADMIN_PASSWORD).statusCode())
			.as("without the CSRF token")
			.isEqualTo(403);
		HttpResponse<String> wrong = post(browser, "/admin/login", "username=admin&password=nope&_csrf=" + enc(token));
		assertThat(wrong.statusCode()).as(wrong.headers().map() + wrong.body()).isEqualTo(302);
		assertThat(wrong.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/admin/login?error"));

		token = csrfToken(
				browser.send(HttpRequest.newBuilder(uri("/admin/login")).build(), HttpResponse.BodyHandlers.ofString())
					.body());
		HttpResponse<String> login = post(browser, "/admin/login",
				"username=admin&password=" + RunningApp.ADMIN_PASSWORD + "&_csrf=" + enc(token));
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
		HttpResponse<String> overview = browser.send(HttpRequest.newBuilder(uri("/admin")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(overview.statusCode()).isEqualTo(200);

		String pageToken = csrfToken(overview.body());
		assertThat(post(browser, "/admin/unanswered/status", "text=x&status=ignored").statusCode())
			.as("an action without the CSRF token")
			.isEqualTo(403);
		assertThat(
				post(browser, "/admin/unanswered/status", "text=x&status=ignored&_csrf=" + enc(pageToken)).statusCode())
			.isEqualTo(302);
		HttpResponse<String> logout = post(browser, "/admin/logout", "_csrf=" + enc(pageToken));
		assertThat(logout.statusCode()).as(logout.headers().map() + logout.body()).isEqualTo(302);
		assertThat(logout.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/admin/login?logout"));
		assertThat(browser.send(HttpRequest.newBuilder(uri("/admin")).build(), HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(302);
	}

	@Test
	void basicAuthCannotSkipTheCsrfTokenOnAdminForms() throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/admin/unanswered/status"))
			.header("Authorization", RunningApp.basic("admin", RunningApp.ADMIN_PASSWORD))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("text=x&status=ignored"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void everythingCitizensAndMachinesUseStaysOpenWithoutCsrf() throws Exception {
		HttpResponse<String> ask = http.send(HttpRequest.newBuilder(uri("/api/v1/ask"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"质量月的主题是什么\"}", StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(ask.statusCode()).isEqualTo(200);
		HttpResponse<String> feedback = http.send(HttpRequest.newBuilder(uri("/api/v1/feedback"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"abc\",\"helpful\":true}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(feedback.statusCode()).isEqualTo(204);
		assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
		assertThat(get("/", null).statusCode()).isNotIn(401, 403);
		assertThat(get("/chat.js", null).statusCode()).isNotIn(401, 403);
		HttpResponse<String> telegram = http.send(HttpRequest.newBuilder(uri("/telegram/webhook"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(telegram.statusCode()).isNotIn(401, 403);
	}

	private HttpResponse<String> get(String path, String password) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
		if (password != null) {
			request.header("Authorization", RunningApp.basic("admin", password));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/**
	 * A form post as a browser sends it (scripts, which accept no HTML, get 204 from
	 * logout instead).
	 */
	private HttpResponse<String> post(HttpClient client, String path, String form) throws Exception {
		return client.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html,application/xhtml+xml")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	static String csrfToken(String html) {
		Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
		assertThat(m.find()).as("a CSRF token in the page").isTrue();
		return m.group(1);
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
