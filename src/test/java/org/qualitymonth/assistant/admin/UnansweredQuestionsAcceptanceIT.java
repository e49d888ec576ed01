package org.qualitymonth.assistant.admin;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.qualitymonth.assistant.system.RunningApp;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4's "done when": three off-topic questions and one carrying a mobile and an ID
 * number, asked over HTTP, reach {@code GET /api/v1/admin/unanswered} masked, the
 * answered one does not, anonymous access is refused, and after a restart on the same
 * data directory all of it is still there.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnansweredQuestionsAcceptanceIT {

	static final String MOBILE = "13812345678";

	static final String RESIDENT_ID = "440304199001011233";

	static final List<String> OFF_TOPIC = List.of("附近有什么好吃的", "推荐一部好看的电影", "明天北京会下雨吗");

	static final String PERSONAL = "我的手机号是" + MOBILE + " 身份证号" + RESIDENT_ID + " 帮我查一下社保缴费记录";

	static final String PERSONAL_MASKED = "我的手机号是138****5678 身份证号4403**********1233 帮我查一下社保缴费记录";

	static final String ON_TOPIC = "质量月的主题是什么";

	static final String UNANSWERED = "/api/v1/admin/unanswered";

	final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path dataDir;

	@Test
	void unansweredQuestionsReachTheAdminApiMaskedAndSurviveARestart(CapturedOutput output) throws Exception {
		try (RunningApp app = RunningApp.start(dataDir)) {
			List<String> questions = new ArrayList<>(OFF_TOPIC);
			questions.add(PERSONAL);
			for (int i = 0; i < questions.size(); i++) {
				JsonNode reply = json.readTree(app.ask(questions.get(i), "citizen-" + i).body());
				assertThat(reply.get("answered").asBoolean()).as(questions.get(i)).isFalse();
			}
			JsonNode answered = json.readTree(app.ask(ON_TOPIC, "citizen-9").body());
			assertThat(answered.get("answered").asBoolean()).isTrue();
			assertThat(app.feedback(answered.get("id").asString(), true).statusCode()).isEqualTo(204);

			HttpResponse<String> anonymous = app.get(UNANSWERED, null);
			assertThat(anonymous.statusCode()).isEqualTo(401);
			assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
				.hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
			assertThat(anonymous.body()).doesNotContain("附近");
			assertThat(app.get(UNANSWERED, "wrong-password").statusCode()).isEqualTo(401);
			assertThat(app.get(UNANSWERED + ".csv", null).statusCode()).isEqualTo(401);
			HttpResponse<String> page = app.get("/admin/unanswered", null);
			assertThat(page.statusCode()).isEqualTo(302);
			assertThat(page.headers().firstValue("Location"))
				.hasValueSatisfying(l -> assertThat(l).endsWith("/admin/login"));

			assertTheFourUnanswered(app.get(UNANSWERED, RunningApp.ADMIN_PASSWORD));

			HttpResponse<byte[]> csv = app.getBytes(UNANSWERED + ".csv", RunningApp.ADMIN_PASSWORD);
			assertThat(csv.statusCode()).isEqualTo(200);
			assertThat(csv.headers().firstValue("Content-Type"))
				.hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
			assertThat(csv.headers().firstValue("Content-Disposition"))
				.hasValueSatisfying(d -> assertThat(d).contains("attachment"));
			assertThat(Arrays.copyOf(csv.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
			String csvText = new String(csv.body(), StandardCharsets.UTF_8);
			assertThat(csvText).contains(PERSONAL_MASKED, OFF_TOPIC.get(0), OFF_TOPIC.get(1), OFF_TOPIC.get(2))
				.doesNotContain(MOBILE, RESIDENT_ID, ON_TOPIC);
			assertThat(csvText.split("\r\n")).hasSize(5);
		}

		try (RunningApp restarted = RunningApp.start(dataDir)) {
			assertTheFourUnanswered(restarted.get(UNANSWERED, RunningApp.ADMIN_PASSWORD));
		}

		try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("querylog"),
				"sa", "")) {
			ResultSet rows = db.createStatement()
				.executeQuery("SELECT channel, user_hash, outcome, helpful FROM query_log ORDER BY asked_at");
			List<String> users = new ArrayList<>();
			while (rows.next()) {
				assertThat(rows.getString("channel")).isEqualTo("api");
				users.add(rows.getString("user_hash"));
				if (rows.getString("outcome").equals("answered")) {
					assertThat(rows.getBoolean("helpful")).isTrue();
				}
			}
			assertThat(users).hasSize(5).doesNotHaveDuplicates().allMatch(u -> u.matches("[0-9a-f]{16}"));
		}
		assertThat(filesContaining(dataDir, MOBILE)).isEmpty();
		assertThat(filesContaining(dataDir, RESIDENT_ID)).isEmpty();
		assertThat(filesContaining(dataDir, "citizen-")).isEmpty();
		assertThat(output.getAll()).doesNotContain(MOBILE, RESIDENT_ID);
	}

	private void assertTheFourUnanswered(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).contains("json"));
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("total").asLong()).isEqualTo(4);
		List<String> texts = new ArrayList<>();
		for (JsonNode group : body.get("groups")) {
			texts.add(group.get("text").asString());
			assertThat(group.get("count").asLong()).isEqualTo(1);
			assertThat(group.get("channels").toString()).isEqualTo("[\"api\"]");
			assertThat(group.get("status").asString()).isEqualTo("new");
			assertThat(group.get("firstSeen").asString()).isNotBlank().isEqualTo(group.get("lastSeen").asString());
			assertThat(group.get("topIntents").isArray()).isTrue();
		}
		assertThat(texts).containsExactlyInAnyOrder(OFF_TOPIC.get(0), OFF_TOPIC.get(1), OFF_TOPIC.get(2),
				PERSONAL_MASKED);
		assertThat(response.body()).doesNotContain(MOBILE, RESIDENT_ID, ON_TOPIC);
	}

	/** Files under {@code dir} whose bytes contain {@code text} (UTF-8). */
	static List<Path> filesContaining(Path dir, String text) throws IOException {
		byte[] needle = text.getBytes(StandardCharsets.UTF_8);
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).filter(f -> {
				try {
					return indexOf(Files.readAllBytes(f), needle) >= 0;
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			}).toList();
		}
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
