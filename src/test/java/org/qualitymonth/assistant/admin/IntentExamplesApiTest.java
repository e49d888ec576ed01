package org.qualitymonth.assistant.admin;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.qualitymonth.assistant.system.AppTest;
import org.qualitymonth.assistant.system.RunningApp;
import org.qualitymonth.assistant.system.SharedKnowledge;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/admin/intents/{id}/examples} over real HTTP, on the shared test
 * app's copy of the intent files.
 */
@AppTest
class IntentExamplesApiTest {

	@Autowired
	ConfigurableApplicationContext context;

	@Test
	void addsAnExampleServedAtOnceAndRefusesWhatThePageRefuses() throws Exception {
		Path intents = Path.of(context.getEnvironment().getRequiredProperty("bot.intents-dir"));
		try (RunningApp app = RunningApp.shared(context)) {
			HttpResponse<String> anonymous = post(app, "contact_fax", "{\"text\":\"传真号码能告诉我一下吗\"}", null);
			assertThat(anonymous.statusCode()).isEqualTo(401);

			HttpResponse<String> added = post(app, "contact_fax", "{\"text\":\"传真号码能告诉我一下吗\"}",
					RunningApp.ADMIN_PASSWORD);
			assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
			assertThat(added.body()).contains("\"added\":true");
			assertThat(Files.readString(intents.resolve("80_contact.yaml"), StandardCharsets.UTF_8))
				.contains("传真号码能告诉我一下吗");

			HttpResponse<String> again = post(app, "contact_fax", "{\"text\":\"传真号码能告诉我一下吗\"}",
					RunningApp.ADMIN_PASSWORD);
			assertThat(again.statusCode()).isEqualTo(200);

			HttpResponse<String> unknown = post(app, "no_such_intent", "{\"text\":\"问题\"}", RunningApp.ADMIN_PASSWORD);
			assertThat(unknown.statusCode()).isEqualTo(404);
			assertThat(unknown.body()).contains("no_such_intent");

			HttpResponse<String> empty = post(app, "contact_fax", "{\"text\":\"  \"}", RunningApp.ADMIN_PASSWORD);
			assertThat(empty.statusCode()).isEqualTo(400);
			assertThat(empty.body()).contains("message");

			HttpResponse<String> twoLines = post(app, "contact_fax", "{\"text\":\"一\\n二\"}", RunningApp.ADMIN_PASSWORD);
			assertThat(twoLines.statusCode()).isEqualTo(400);

			HttpResponse<String> notJson = post(app, "contact_fax", "{\"text\":", RunningApp.ADMIN_PASSWORD);
			assertThat(notJson.statusCode()).isEqualTo(400);
			assertThat(notJson.body()).contains("JSON");
		}
		finally {
			SharedKnowledge.restore(RunningApp.shared(context));
		}
	}

	private static HttpResponse<String> post(RunningApp app, String intent, String json, String password)
			throws Exception {
		return app.send(app.request("/api/v1/admin/intents/" + intent + "/examples", password)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

}
