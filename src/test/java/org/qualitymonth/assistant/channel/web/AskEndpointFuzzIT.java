package org.qualitymonth.assistant.channel.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.qualitymonth.assistant.system.AppTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qualitymonth.assistant.system.HostileText;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The chat API against random input over real HTTP (seeded; {@code -Dfuzz.seed=...}
 * replays or varies it): hostile question texts, random bytes, random JSON shapes and
 * content types, to {@code /api/v1/ask}, {@code /api/v1/choose} and
 * {@code /api/v1/feedback}. Nothing gets a 5xx, every 200 is a proper reply, and the log
 * shows no stack trace.
 */
@AppTest
@ExtendWith(OutputCaptureExtension.class)
class AskEndpointFuzzIT {

	static final int REQUESTS = 600;

	static final List<String> PATHS = List.of("/api/v1/ask", "/api/v1/ask", "/api/v1/ask", "/api/v1/ask",
			"/api/v1/choose", "/api/v1/feedback");

	static final List<String> FIELDS = List.of("text", "text", "text", "sessionId", "channel", "intent", "id",
			"helpful", "__proto__", "");

	static final List<String> CONTENT_TYPES = List.of("application/json", "application/json", "application/json",
			"application/json", "application/json; charset=UTF-8", "application/json; charset=ISO-8859-1",
			"application/json; charset=UTF-16", "application/problem+json", "text/plain",
			"application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "*/*", "");

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void randomInputNeverGetsA5xxNorAStackTraceInTheLog(CapturedOutput output) throws Exception {
		long seed = HostileText.seed(133L);
		HostileText hostile = new HostileText(seed);
		Random random = hostile.random();
		int logBefore = output.getAll().length();
		int ok = 0;
		for (int i = 0; i < REQUESTS; i++) {
			String path = PATHS.get(random.nextInt(PATHS.size()));
			byte[] body = switch (random.nextInt(4)) {
				case 0 -> randomBytes(random);
				// unescaped: quotes, backslashes and controls of the text break the JSON
				// as often as not
				case 1 -> ("{\"text\":\"" + hostile.text(12) + "\"}").getBytes(StandardCharsets.UTF_8);
				// well-formed JSON with a hostile question: these should reach the chat
				// service
				case 2 -> ("{\"text\":" + quoted(hostile.text(12)) + ",\"sessionId\":" + quoted(hostile.text(2)) + "}")
					.getBytes(StandardCharsets.UTF_8);
				default -> jsonValue(hostile, 0).getBytes(StandardCharsets.UTF_8);
			};
			String contentType = random.nextInt(3) == 0 ? CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()))
					: "application/json";
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body));
			if (!contentType.isEmpty()) {
				request.header("Content-Type", contentType);
			}
			HttpResponse<String> response = http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			String what = "fuzz.seed=" + seed + ", request #" + i + " " + path + " (" + contentType + ") "
					+ new String(body, StandardCharsets.UTF_8);
			if (response.statusCode() >= 500) {
				fail(what + " got " + response.statusCode() + ": " + response.body());
			}
			if (response.statusCode() == 200) {
				ok++;
				JsonNode reply = json.readTree(response.body());
				assertThat(reply.get("id").asString()).as(what).isNotBlank();
				assertThat(reply.get("answer").asString()).as(what).isNotBlank();
			}
			else if (response.statusCode() != 204) {
				assertThat(response.statusCode()).as(what).isBetween(400, 499);
			}
		}
		assertThat(ok).as("requests answered (the chat service was reached)").isGreaterThan(50);
		String log = output.getAll().substring(logBefore);
		assertThat(log.lines().filter(l -> l.startsWith("\tat ") || l.contains("Exception")))
			.as("the log while fuzzing")
			.isEmpty();
	}

	/**
	 * Random bytes, often the start of a JSON object so that the decoder meets them
	 * inside a string.
	 */
	private static byte[] randomBytes(Random random) {
		byte[] noise = new byte[random.nextInt(300)];
		random.nextBytes(noise);
		if (random.nextBoolean()) {
			return noise;
		}
		byte[] prefix = "{\"text\":\"".getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[prefix.length + noise.length];
		System.arraycopy(prefix, 0, body, 0, prefix.length);
		System.arraycopy(noise, 0, body, prefix.length, noise.length);
		return body;
	}

	/**
	 * Any JSON value, objects with the API's field names more often than not, sometimes
	 * nested very deep.
	 */
	private String jsonValue(HostileText hostile, int depth) {
		Random random = hostile.random();
		if (depth == 0 && random.nextInt(40) == 0) {
			int deep = 600 + random.nextInt(3000);
			return "[".repeat(deep) + "]".repeat(deep);
		}
		int kind = depth > 3 ? random.nextInt(5) : random.nextInt(7);
		return switch (kind) {
			case 0 -> "null";
			case 1 -> Boolean.toString(random.nextBoolean());
			case 2 ->
				List.of("0", "-0", "1e999999", "-1.5e-400", "123456789012345678901234567890", "1".repeat(2000), "3.14")
					.get(random.nextInt(7));
			case 3, 4 -> quoted(random.nextInt(20) == 0 ? "x".repeat(20_000) : hostile.text(12));
			case 5 -> {
				StringBuilder array = new StringBuilder("[");
				for (int n = random.nextInt(4), i = 0; i < n; i++) {
					array.append(i > 0 ? "," : "").append(jsonValue(hostile, depth + 1));
				}
				yield array.append(']').toString();
			}
			default -> {
				StringBuilder object = new StringBuilder("{");
				for (int n = random.nextInt(5), i = 0; i < n; i++) {
					String key = random.nextInt(8) == 0 ? hostile.text(3) : FIELDS.get(random.nextInt(FIELDS.size()));
					object.append(i > 0 ? "," : "")
						.append(quoted(key))
						.append(':')
						.append(jsonValue(hostile, depth + 1));
				}
				yield object.append('}').toString();
			}
		};
	}

	/**
	 * A JSON string literal; every character outside printable ASCII escaped, unpaired
	 * surrogates included.
	 */
	private static String quoted(String s) {
		StringBuilder out = new StringBuilder("\"");
		s.chars()
			.forEach(c -> out.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? String.valueOf((char) c)
					: "\\u%04x".formatted(c)));
		return out.append('"').toString();
	}

}
