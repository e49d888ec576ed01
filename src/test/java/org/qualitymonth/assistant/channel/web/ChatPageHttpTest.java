package org.qualitymonth.assistant.channel.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.qualitymonth.assistant.system.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the app serves the chat page over real HTTP: at {@code /}, compressed, with the
 * embed policy.
 */
@AppTest
class ChatPageHttpTest {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void servesTheChatPageAtTheRootAsUtf8Html() throws Exception {
		HttpResponse<String> page = get("/", "identity");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).contains("text/html"));
		assertThat(page.body()).contains("<script src=\"/chat.js\" defer></script>", "lang=\"zh-CN\"");
		assertThat(get("/?embed=1", "identity").body()).isEqualTo(page.body());
		for (String asset : new String[] { "/chat.css", "/chat.js", "/widget.js", "/embed-demo.html",
				"/favicon.svg" }) {
			assertThat(get(asset, "identity").statusCode()).as(asset).isEqualTo(200);
		}
	}

	@Test
	void onlyTheAssistantItselfAndTheEmbedOriginsMayFrameItsPages() throws Exception {
		for (String path : new String[] { "/", "/widget.js", "/api/v1/menu" }) {
			assertThat(get(path, "identity").headers().allValues("Content-Security-Policy")).as(path)
				.singleElement()
				.satisfies(
						policy -> assertThat(policy).endsWith("; frame-ancestors 'self' https://www.example.gov.cn"));
		}
	}

	@Test
	void compressesTheScriptForSlowPhoneConnections() throws Exception {
		HttpResponse<String> script = get("/chat.js", "gzip");
		assertThat(script.headers().firstValue("Content-Encoding")).hasValue("gzip");
	}

	@Test
	void browsersGetChineseErrorPagesWithoutFrameworkText() throws Exception {
		assertErrorPage(html("/no-such-page", false), 404, "找不到这个页面", "返回问答首页");
		assertErrorPage(html("/test-failure", false), 500, "系统暂时出了点问题", "12315");
		assertErrorPage(html("/no-such-page", true), 404, "找不到这个页面", "返回问答首页");
	}

	@Test
	void loggedInAdminsGetChineseErrorPagesThatLeadBackToTheAdminPages() throws Exception {
		assertErrorPage(html("/admin/no-such-page", true), 404, "管理后台没有这个页面", "返回管理概览");
		assertErrorPage(html("/admin/unanswered/status", true), 405, "只接受页面上的按钮或表单提交", "返回管理概览");
		assertErrorPage(html("/admin/test-failure", true), 500, "系统处理这个请求时出错", "返回管理概览");
	}

	@Test
	void programsAskingForJsonStillGetBootsJsonOutsideTheApi() throws Exception {
		HttpResponse<String> missing = accepting("/no-such-page", "application/json");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
		assertThat(missing.body()).contains("\"status\":404", "\"path\":\"/no-such-page\"");
	}

	@Test
	void anUnknownApiAddressIsAProblemWithTheApisMessageWhateverTheClientAccepts() throws Exception {
		for (String accept : new String[] { "application/json", "text/html,application/xhtml+xml", "*/*" }) {
			HttpResponse<String> missing = accepting("/api/v1/nope", accept);
			assertThat(missing.statusCode()).as(accept).isEqualTo(404);
			assertThat(missing.headers().firstValue("Content-Type")).as(accept)
				.hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
			assertThat(missing.body()).as(accept)
				.contains("\"status\":404", "\"title\":\"Not Found\"", "\"instance\":\"/api/v1/nope\"",
						"\"message\":\"there is no API at /api/v1/nope\"");
		}
	}

	@Test
	void aFailureUnderTheApiIsAProblemThatHidesTheException() throws Exception {
		HttpResponse<String> failed = accepting("/api/test-failure", "application/json");
		assertThat(failed.statusCode()).isEqualTo(500);
		assertThat(failed.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(failed.body()).contains("\"status\":500", "\"message\":\"the server could not answer")
			.doesNotContain("secret internal detail", "IllegalStateException", "trace");
	}

	private HttpResponse<String> accepting(String path, String accept) throws Exception {
		return http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", accept).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static void assertErrorPage(HttpResponse<String> page, int status, String... texts) {
		assertThat(page.statusCode()).as(page.uri().toString()).isEqualTo(status);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).contains("text/html"));
		assertThat(page.body()).as(page.uri().toString())
			.contains("lang=\"zh-CN\"", "错误代码 " + status)
			.contains(texts)
			.doesNotContain("Whitelabel", "Exception", "secret internal detail", "trace", "Not Found",
					"Method Not Allowed", "Internal Server Error");
		assertThat(page.headers().allValues("Content-Security-Policy")).singleElement();
	}

	private HttpResponse<String> html(String path, boolean admin) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Accept", "text/html,application/xhtml+xml");
		if (admin) {
			request.header("Authorization",
					"Basic " + java.util.Base64.getEncoder()
						.encodeToString(("admin:" + org.qualitymonth.assistant.system.RunningApp.ADMIN_PASSWORD)
							.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path, String encoding) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Accept-Encoding", encoding)
			.GET()
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
