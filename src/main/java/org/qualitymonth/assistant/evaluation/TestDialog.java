package org.qualitymonth.assistant.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A conversation of a test file, asked in one session so that short follow-ups are read
 * in context. The format of the shared dialog scorer: {@code [{"turns": [{"q": "...",
 * "expect": "...", "oos": false}]}]}; each turn becomes a question of kind
 * {@code dialog}, or {@code oos} when it must be declined.
 */
public record TestDialog(List<TestQuestion> turns) {

	public TestDialog {
		turns = List.copyOf(turns);
	}

	public static List<TestDialog> read(Path json) throws IOException {
		JsonNode root = JsonMapper.builder().build().readTree(Files.readString(json));
		List<TestDialog> dialogs = new ArrayList<>();
		for (JsonNode dialog : root) {
			List<TestQuestion> turns = new ArrayList<>();
			for (JsonNode turn : dialog.path("turns")) {
				boolean offTopic = turn.path("oos").asBoolean(false);
				turns.add(new TestQuestion(offTopic ? "oos" : "dialog", "dialog", turn.path("q").asString(),
						turn.path("expect").asString("")));
			}
			dialogs.add(new TestDialog(turns));
		}
		return dialogs;
	}

}
