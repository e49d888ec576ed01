package org.qualitymonth.assistant.channel.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.qualitymonth.assistant.system.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/v1/ask} over real HTTP against the whole application. */
@AppTest
class AskApiTest {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void answersTheThemeAsJson() throws Exception {
		HttpResponse<String> response = post("application/json", "{\"text\":\"质量月的主题是什么\",\"sessionId\":\"a\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"answered\":true", "\"intent\":\"theme\"", "建设质量强国 决胜全面小康",
				"\"source\":", "\"suggestions\":[", "\"confidence\":");
	}

	@Test
	void declinesOffTopicQuestionsWithTheFallback() throws Exception {
		HttpResponse<String> response = post("application/json", "{\"text\":\"附近有什么好吃的\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"answered\":false", "\"intent\":null", "\"source\":null");
	}

	@Test
	void rejectsMalformedJson() throws Exception {
		assertClientError(post("application/json", "{\"text\": "), 400);
	}

	@Test
	void refusesWithAnRfc9457ProblemThatKeepsTheMessageField() throws Exception {
		HttpResponse<String> wrongType = post("application/json", "{\"text\": 42}");
		HttpResponse<String> tooLarge = post("application/json", "{\"text\":\"" + "质".repeat(200_000) + "\"}");

		assertThat(wrongType.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(wrongType.body()).contains("\"status\":400", "\"title\":\"Bad Request\"",
				"\"detail\":\"\\\"text\\\" must be a non-blank string\"",
				"\"message\":\"\\\"text\\\" must be a non-blank string\"");
		assertThat(tooLarge.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(tooLarge.body()).contains("\"status\":413", "\"message\":\"the request body is larger than");
	}

	@Test
	void rejectsMissingNonStringAndBlankText() throws Exception {
		assertClientError(post("application/json", "{}"), 400);
		assertClientError(post("application/json", "{\"text\": 42}"), 400);
		assertClientError(post("application/json", "{\"text\": [\"a\"]}"), 400);
		assertClientError(post("application/json", "{\"text\": \"   \"}"), 400);
		assertClientError(post("application/json", "[1,2]"), 400);
		assertClientError(post("application/json", "{\"text\": \"主题\", \"sessionId\": 7}"), 400);
	}

	@Test
	void rejectsOverLongText() throws Exception {
		assertClientError(post("application/json", "{\"text\":\"" + "质".repeat(501) + "\"}"), 400);
	}

	@Test
	void refusesAHugeBodyBeforeParsingIt() throws Exception {
		assertClientError(post("application/json", "{\"text\":\"" + "质".repeat(200_000) + "\"}"), 413);
	}

	@Test
	void refusesInvalidUtf8() throws Exception {
		byte[] body = { '{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' };
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/ask"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		assertClientError(http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)), 400);
	}

	@Test
	void rejectsAnOverlongSessionIdAndAnUnknownChannel() throws Exception {
		assertClientError(post("application/json", "{\"text\":\"主题\",\"sessionId\":\"" + "s".repeat(129) + "\"}"), 400);
		assertClientError(post("application/json", "{\"text\":\"主题\",\"channel\":\"telegram\"}"), 400);
	}

	@Test
	void floodFromOneSessionMeets429WithRetryAfterWhileAnotherSessionIsServed() throws Exception {
		int limited = 0;
		long started = System.nanoTime();
		for (int i = 0; i < 40; i++) {
			HttpResponse<String> response = post("application/json",
					"{\"text\":\"主题" + i + "\",\"sessionId\":\"flood\"}");
			if (response.statusCode() == 429) {
				limited++;
				assertThat(response.headers().firstValue("Retry-After"))
					.hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
			}
			else {
				assertThat(response.statusCode()).isEqualTo(200);
			}
		}
		// the bucket refills greedily, one question every 2 s (30 a minute): on a busy
		// machine the 40 take longer
		long refilled = (System.nanoTime() - started) / 2_000_000_000L;
		assertThat(limited).isGreaterThanOrEqualTo(10 - (int) refilled).isPositive();
		assertThat(post("application/json", "{\"text\":\"主题\",\"sessionId\":\"calm\"}").statusCode()).isEqualTo(200);
	}

	@Test
	void rejectsTheWrongContentType() throws Exception {
		assertClientError(post("application/x-www-form-urlencoded", "text=hello"), 415);
		assertClientError(post("text/plain", "质量月的主题是什么"), 415);
	}

	private void assertClientError(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).contains("json"));
		assertThat(response.body()).contains("\"message\"");
	}

	private HttpResponse<String> post(String contentType, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/ask"))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
