package org.qualitymonth.assistant.system;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qualitymonth.assistant.AssistantApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With no good knowledge base to fall back on, broken intent files at start-up stop the
 * app with a clear message.
 */
class InitialKnowledgeLoadIT {

	@TempDir
	Path dir;

	@Test
	void brokenIntentFilesAtStartUpStopTheAppNamingTheFileAndLine() throws Exception {
		Path intents = Files.createDirectories(dir.resolve("intents"));
		Files.writeString(intents.resolve("10_broken.yaml"), "intents:\n  - id: theme\n    answer: [unclosed\n",
				StandardCharsets.UTF_8);
		assertThatThrownBy(() -> new SpringApplicationBuilder(AssistantApplication.class).run("--server.port=0",
				"--bot.intents-dir=" + intents, "--bot.data-dir=" + dir.resolve("data"),
				"--bot.admin.password=start-up-test"))
			.hasStackTraceContaining("10_broken.yaml:");
	}

}
