package org.qualitymonth.assistant.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qualitymonth.assistant.chat.ConversationListener;
import org.qualitymonth.assistant.chat.Question;
import org.qualitymonth.assistant.chat.Reply;
import org.qualitymonth.assistant.nlu.Outcome;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7's "done when" against the running app, as an attacker would try it: every
 * malformed request gets a 4xx, hostile but well-formed questions get a normal reply,
 * zero-width characters do not break matching, markup is shown as text on the admin
 * pages, a flood from one session meets 429s while another is served, and the app stays
 * up with no stack trace in its log.
 */
@AppTest
@ExtendWith(OutputCaptureExtension.class)
class HostileInputAcceptanceTest {

	static final String SCRIPT = "<script>alert('质量月')</script>";

	@Autowired
	ConfigurableApplicationContext context;

	RunningApp app;

	final JsonMapper json = JsonMapper.builder().build();

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@BeforeEach
	void app() {
		app = RunningApp.shared(context);
	}

	@Test
	void everyMalformedRequestGetsA4xxWithAMessage(CapturedOutput output) throws Exception {
		int logBefore = output.getAll().length();
		assertClientError(post("application/json", "{\"text\": \"质量月"), 400);
		assertClientError(post("application/json", "{}"), 400);
		assertClientError(post("application/json", "{\"text\": [\"质量月\"]}"), 400);
		assertClientError(post("application/json", "{\"text\": {\"$ne\": null}}"), 400);
		assertClientError(post("application/json", "{\"text\": \"  \\u3000\\t \"}"), 400);
		assertClientError(post("application/json", "{\"text\": \"" + "质".repeat(200_000) + "\"}"), 413);
		assertClientError(post("application/json", "{\"text\": \"" + "😂".repeat(501) + "\"}"), 400);
		assertClientError(post("application/x-www-form-urlencoded", "text=%E8%B4%A8%E9%87%8F%E6%9C%88"), 415);
		assertClientError(post("multipart/form-data; boundary=x",
				"--x\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n质量月\r\n--x--"), 415);
		byte[] invalidUtf8 = { '{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xE8, (byte) 0xB4, '"', '}' };
		assertClientError(send("application/json", invalidUtf8), 400);
		assertClientError(send("application/json", new byte[] { (byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0 }), 400);
		assertNoStackTrace(output, logBefore);
	}

	@Test
	void hostileButWellFormedQuestionsGetANormalReply(CapturedOutput output) throws Exception {
		int logBefore = output.getAll().length();
		for (String question : List.of("质量月\u0000\u0007\u001b[31m的主题\u0008是什么", "\u202e什么是主题\u202c的月量质",
				"\u2066质量月\u2069的\u200f主题\u061c是什么", "质量月的主题是什么'; DROP TABLE query_log; --", "' OR '1'='1",
				"1 UNION SELECT password FROM users", SCRIPT, "<img src=x onerror=alert(1)>投诉电话", "😂".repeat(400),
				"👨‍👩‍👧‍👦🇨🇳".repeat(20), "\uD800\uDC00\uDBFF", "${jndi:ldap://example.org/a}",
				"\uFEFF\uFEFF质量月\uFE0F\uFE0F的时间")) {
			HttpResponse<String> reply = post("application/json",
					"{\"text\":" + quoted(question) + ",\"sessionId\":\"hostile\"}");
			assertThat(reply.statusCode()).as(question).isEqualTo(200);
			JsonNode body = json.readTree(reply.body());
			assertThat(body.get("id").asString()).isNotBlank();
			assertThat(body.get("answer").asString()).as(question).isNotBlank();
		}
		// the query log took all of them and is still there
		assertThat(app.get("/api/v1/admin/unanswered?status=all", RunningApp.ADMIN_PASSWORD).statusCode())
			.isEqualTo(200);
		assertNoStackTrace(output, logBefore);
	}

	@Test
	void zeroWidthCharactersDoNotBreakMatching() throws Exception {
		JsonNode reply = json.readTree(app.ask("质\u200b量\u200b月的主题是什么", "zero-width").body());
		assertThat(reply.get("answered").asBoolean()).isTrue();
		assertThat(reply.get("intent").asString()).isEqualTo("theme");
		assertThat(reply.get("answer").asString()).contains("建设质量强国 决胜全面小康");
	}

	@Test
	void aScriptAskedAsAQuestionIsShownAsTextOnTheAdminPages() throws Exception {
		HttpResponse<String> asked = app.ask(SCRIPT, "script");
		assertThat(json.readTree(asked.body()).get("answered").asBoolean()).isFalse();
		// as it is stored (normalised), and as a channel that passed markup on unchanged
		// would store it
		for (ConversationListener listener : app.context().getBeansOfType(ConversationListener.class).values()) {
			listener.onReply(new Question(SCRIPT, "s", "web"), new Reply("script-raw", Outcome.DECLINED, null, 0.1, "",
					null, List.of(), List.of(), List.of(), SCRIPT, "v"));
		}
		for (String page : List.of("/admin", "/admin/unanswered")) {
			String html = awaitPage(page, "&lt;script&gt;alert(&#39;质量月&#39;)&lt;/script&gt;");
			assertThat(html).as(page).doesNotContain("<script>alert").contains("script alert 质量月 script");
		}
	}

	@Test
	void aFloodFromOneSessionMeets429sWhileAnotherSessionIsServed() throws Exception {
		ExecutorService flood = Executors.newFixedThreadPool(4);
		List<Future<HttpResponse<String>>> replies = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			String text = "质量月的主题是什么" + i;
			replies.add(flood.submit(() -> app.ask(text, "flooding-session")));
		}
		HttpResponse<String> other = app.ask("投诉电话是多少", "another-session");
		int ok = 0;
		int limited = 0;
		for (Future<HttpResponse<String>> reply : replies) {
			HttpResponse<String> response = reply.get();
			if (response.statusCode() == 429) {
				limited++;
				assertThat(response.headers().firstValue("Retry-After"))
					.hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
			}
			else {
				assertThat(response.statusCode()).isEqualTo(200);
				ok++;
			}
		}
		flood.shutdown();
		System.out.printf("flood: %d of 120 answered, %d refused with 429%n", ok, limited);
		assertThat(ok).as("the session's allowance (30 a minute)").isBetween(30, 40);
		assertThat(limited).isEqualTo(120 - ok);
		assertThat(other.statusCode()).as("another session during the flood").isEqualTo(200);
		assertThat(app.ask("活动什么时候开始", "another-session").statusCode()).isEqualTo(200);
		assertThat(app.get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
	}

	private String awaitPage(String page, String expected) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		String html = "";
		while (System.nanoTime() < deadline) {
			HttpResponse<String> response = app.get(page, RunningApp.ADMIN_PASSWORD);
			html = response.body();
			if (response.statusCode() == 200 && html.contains(expected)) {
				return html;
			}
			Thread.sleep(200);
		}
		throw new AssertionError(page + " never showed " + expected + ":\n" + html);
	}

	private static void assertNoStackTrace(CapturedOutput output, int from) {
		assertThat(
				output.getAll().substring(from).lines().filter(l -> l.startsWith("\tat ") || l.contains("Exception")))
			.as("the log while handling these requests")
			.isEmpty();
	}

	private void assertClientError(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).contains("json"));
		assertThat(response.body()).contains("\"message\"");
	}

	/**
	 * A JSON string with every control character escaped, as a well-behaved client sends
	 * it.
	 */
	private static String quoted(String s) {
		StringBuilder out = new StringBuilder("\"");
		s.chars()
			.forEach(c -> out
				.append(c < 0x20 || c == '"' || c == '\\' || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate((char) c)
						? "\\u%04x".formatted(c) : String.valueOf((char) c)));
		return out.append('"').toString();
	}

	private HttpResponse<String> post(String contentType, String body) throws Exception {
		return send(contentType, body.getBytes(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> send(String contentType, byte[] body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/ask")))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
