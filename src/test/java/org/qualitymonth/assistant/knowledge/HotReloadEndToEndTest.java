package org.qualitymonth.assistant.knowledge;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.qualitymonth.assistant.system.AppTest;
import org.qualitymonth.assistant.system.RunningApp;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5 end to end: the shared test app runs on a copy of the intent files; an edit
 * shows in answers without a restart, a broken file leaves the last good knowledge base
 * answering and is named by the status API.
 */
@AppTest
class HotReloadEndToEndTest {

	@Value("${bot.intents-dir}")
	Path intents;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void anEditAppearsInAnswersAndABrokenFileKeepsTheLastGoodKnowledge() throws Exception {
		Path contacts = intents.resolve("80_contact.yaml");
		Path broken = intents.resolve("55_broken.yaml");
		String original = Files.readString(contacts);
		try {
			assertThat(ask("联系电话是多少")).contains("010-82262033");
			Files.writeString(contacts, original.replace("010-82262033", "010-88886666"));
			assertThat(eventually(() -> ask("联系电话是多少"), body -> body.contains("010-88886666"))).isTrue();

			Files.writeString(broken, "intents:\n  - id: broken\n    answer: \"unclosed\n", StandardCharsets.UTF_8);
			assertThat(eventually(() -> knowledge(true).body(), body -> body.contains("55_broken.yaml"))).isTrue();
			String status = knowledge(true).body();
			assertThat(status).contains("\"lastReloadOk\":false", "\"line\":");
			assertThat(ask("联系电话是多少")).contains("010-88886666");
			assertThat(knowledge(false).statusCode()).isIn(401, 403);
		}
		finally {
			// the application is shared with other test classes: give it its knowledge
			// back
			Files.deleteIfExists(broken);
			Files.writeString(contacts, original);
			assertThat(eventually(() -> ask("联系电话是多少"), body -> body.contains("010-82262033"))).isTrue();
			assertThat(eventually(() -> knowledge(true).body(), body -> body.contains("\"lastReloadOk\":true")))
				.isTrue();
		}
	}

	private String ask(String text) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/ask"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}", StandardCharsets.UTF_8))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
	}

	private HttpResponse<String> knowledge(boolean withCredentials) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/admin/knowledge"));
		if (withCredentials) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString(("admin:" + RunningApp.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/**
	 * Polls for up to thirty seconds: reloads are asynchronous and the machine may be
	 * busy.
	 */
	private static boolean eventually(ThrowingSupplier<String> value, java.util.function.Predicate<String> done)
			throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			if (done.test(value.get())) {
				return true;
			}
			Thread.sleep(100);
		}
		return false;
	}

	interface ThrowingSupplier<T> {

		T get() throws Exception;

	}

}
