package org.qualitymonth.assistant.channel.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qualitymonth.assistant.AssistantApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** How the app serves the chat page over real HTTP: at {@code /}, compressed, with the embed policy. */
@SpringBootTest(classes = AssistantApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(BrowserTestConfiguration.class)
class ChatPageHttpTest {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("bot.data-dir", () -> dataDir.toString());
	}

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void servesTheChatPageAtTheRootAsUtf8Html() throws Exception {
		HttpResponse<String> page = get("/", "identity");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("text/html"));
		assertThat(page.body()).contains("<script src=\"/chat.js\" defer></script>", "lang=\"zh-CN\"");
		assertThat(get("/?embed=1", "identity").body()).isEqualTo(page.body());
		for (String asset : new String[] { "/chat.css", "/chat.js", "/widget.js", "/embed-demo.html", "/favicon.svg" }) {
			assertThat(get(asset, "identity").statusCode()).as(asset).isEqualTo(200);
		}
	}

	@Test
	void onlyTheAssistantItselfMayFrameItsPagesByDefault() throws Exception {
		for (String path : new String[] { "/", "/widget.js", "/api/v1/menu" }) {
			assertThat(get(path, "identity").headers().allValues("Content-Security-Policy")).as(path)
				.singleElement()
				.satisfies(policy -> assertThat(policy).endsWith("; frame-ancestors 'self'"));
		}
	}

	@Test
	void compressesTheScriptForSlowPhoneConnections() throws Exception {
		HttpResponse<String> script = get("/chat.js", "gzip");
		assertThat(script.headers().firstValue("Content-Encoding")).hasValue("gzip");
	}

	private HttpResponse<String> get(String path, String encoding) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Accept-Encoding", encoding)
			.GET()
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
